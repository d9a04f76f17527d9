"""The same picture as Graphviz DOT, and SVG rendered by Graphviz when ``dot`` is installed.

tfcompat's own SVG writer needs nothing; DOT is for people who prefer Graphviz's layout or want
to post-process the graph. Scopes become clusters, and the gradient marks keep their colours.
"""

from __future__ import annotations

import shutil
import subprocess

from tfcompat.tools.draw.model import PictureModel, Scope
from tfcompat.tools.draw.svg import BLOCKED, OPEN, STYLES


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(model: PictureModel) -> str:
    """The DOT source of ``model``."""
    lines = ["digraph tfcompat {", "  node [shape=box, style=\"rounded,filled\", "
             "fontname=\"Helvetica\", fontsize=11];", "  edge [color=\"#7a7a7a\"];"]
    if model.title:
        lines.append(f"  label={_quote(model.title)}; labelloc=t;")

    def emit(scope: Scope, indent: str) -> None:
        for key in scope.nodes:
            node = model.nodes[key]
            fill, stroke, _ = STYLES[node.kind]
            tooltip = list(node.tooltip)
            if node.blocked:
                fill, stroke = "#fde2e2", BLOCKED
                tooltip += ["gradient blocked here:", *node.blocked]
            label = _quote(node.label + "\n" + node.subtitle)
            lines.append(f"{indent}{_quote(key)} [label={label}, "
                         f"fillcolor={_quote(fill)}, color={_quote(stroke)}, "
                         f"tooltip={_quote(chr(10).join(tooltip))}];")
        for child in scope.children:
            name = "/".join(child.path)
            lines.append(f"{indent}subgraph {_quote('cluster_' + name)} {{")
            lines.append(f"{indent}  label={_quote(child.path[-1] + '/')}; style=dashed;")
            emit(child, indent + "  ")
            lines.append(f"{indent}}}")

    emit(model.root, "  ")
    for edge in model.edges:
        attrs = []
        if edge.state == "open":
            attrs.append(f"color={_quote(OPEN)}, penwidth=2")
        elif edge.state == "blocked":
            attrs.append(f"color={_quote(BLOCKED)}, penwidth=2, style=dashed")
        elif edge.control:
            attrs.append("style=dotted")
        if edge.tooltip:
            attrs.append(f"tooltip={_quote(chr(10).join(edge.tooltip))}")
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {_quote(edge.src)} -> {_quote(edge.dst)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_available() -> bool:
    return shutil.which("dot") is not None


def render_with_dot(model: PictureModel) -> str:
    """SVG laid out by Graphviz; raises RuntimeError when ``dot`` is not on PATH."""
    dot = shutil.which("dot")
    if dot is None:
        raise RuntimeError("Graphviz's `dot` is not on PATH; tfcompat's own SVG writer needs "
                           "nothing (use engine='tfcompat')")
    result = subprocess.run([dot, "-Tsvg"], input=to_dot(model), capture_output=True,
                            text=True, check=True)
    return result.stdout
