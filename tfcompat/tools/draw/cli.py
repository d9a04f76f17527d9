"""``python -m tfcompat graph SCRIPT.py [--fetch NAME]... [-o graph.svg] [-- ARGS]``: draw the
graph a script builds.

The script runs as under ``python -m tfcompat`` (``import tensorflow`` served by tfcompat). Every
``tf.gradients`` call it makes (an optimizer's included) is recorded, so the picture marks which
variables get a gradient and what blocks the others. The graph drawn is the one holding the most
ops among the default graph, the graphs of the script's globals and those of its gradient calls.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import runpy
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType

from tfcompat.framework import ops
from tfcompat.ops import gradients_impl
from tfcompat.tools.draw import DEFAULT_MAX_NODES, GradientQuery, GraphPicture, draw_graph


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tfcompat graph",
        description="Run a TF1 script on tfcompat and draw the graph it builds as SVG (or DOT).")
    parser.add_argument("script")
    parser.add_argument("--fetch", action="append", default=[], metavar="NAME",
                        help="draw only what this tensor or op depends on (repeatable)")
    parser.add_argument("-o", "--output", default="graph.svg",
                        help="the file to write; .dot writes Graphviz source (default graph.svg)")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                        help="collapse scopes above this many nodes (default %(default)s)")
    parser.add_argument("--title", default="")
    parser.add_argument("--engine", choices=("tfcompat", "dot", "auto"), default="tfcompat",
                        help="layout: tfcompat's own, Graphviz `dot`, or dot when installed")
    return parser


@contextlib.contextmanager
def recording_gradients(namespace: ModuleType) -> Iterator[list[GradientQuery]]:
    """Records every tf.gradients call (ys, xs, stop_gradients, result) while active, made
    through ``namespace.gradients`` (the ``tf`` the script sees) or by an optimizer."""
    original = gradients_impl.gradients
    calls: list[GradientQuery] = []

    def gradients(ys, xs, *args, **kwargs):
        result = original(ys, xs, *args, **kwargs)
        stops = kwargs.get("stop_gradients") or (args[6] if len(args) > 6 else None)

        def listed(value):
            if value is None:
                return []
            return list(value) if isinstance(value, (list, tuple)) else [value]
        calls.append(GradientQuery(listed(ys), listed(xs), listed(stops), list(result)))
        return result

    gradients.__doc__ = original.__doc__
    gradients_impl.gradients = namespace.gradients = gradients
    try:
        yield calls
    finally:
        gradients_impl.gradients = namespace.gradients = original


def _graphs_in(values) -> list:
    found = []
    for value in values:
        graph = value if isinstance(value, ops.Graph) else getattr(value, "graph", None)
        if isinstance(graph, ops.Graph) and graph not in found:
            found.append(graph)
    return found


def picture_of_script(namespace: ModuleType, script: str, args: Sequence[str] = (),
                      fetches: Sequence[str] = (), max_nodes: int = DEFAULT_MAX_NODES,
                      title: str = "", engine: str = "tfcompat") -> GraphPicture:
    """Runs ``script`` and draws its graph. ``namespace`` is the ``tf`` module the script
    imports (the caller serves ``import tensorflow`` with it, e.g. ``tfcompat.alias``).

    Raises ValueError for a fetch name the graph lacks, RuntimeError if the script exits with
    a non-zero status.
    """
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [script, *args]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    script_globals: dict = {}
    try:
        with recording_gradients(namespace) as calls:
            try:
                script_globals = runpy.run_path(script, run_name="__main__")
            except SystemExit as exit_:  # tf.app.run() ends with sys.exit
                if exit_.code not in (None, 0):
                    raise RuntimeError(f"the script exited with status {exit_.code}") from None
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
    graphs = _graphs_in([ops.get_default_graph(), *script_globals.values(),
                         *(q.ys[0] for q in calls if q.ys)])
    graph = max(graphs, key=lambda g: len(g.get_operations()))
    queries = [q for q in calls if q.ys and q.ys[0].graph is graph]
    elements = []
    for name in fetches:
        try:
            elements.append(graph.as_graph_element(name))
        except (KeyError, ValueError) as error:
            raise ValueError(f"--fetch {name}: {error}") from None
    return draw_graph(graph, queries, elements, max_nodes,
                      title or os.path.basename(script), engine)


def main(argv: Sequence[str], namespace: ModuleType) -> int:
    """``python -m tfcompat graph``; ``namespace`` serves the script's ``import tensorflow``."""
    argv = list(argv)
    split = argv.index("--") if "--" in argv else len(argv)
    options = _parser().parse_args(argv[:split])
    if not os.path.isfile(options.script):
        sys.stderr.write(f"tfcompat graph: can't open file {options.script!r}: No such file\n")
        return 2
    try:
        picture = picture_of_script(namespace, options.script, argv[split + 1:], options.fetch,
                                    options.max_nodes, options.title, options.engine)
    except (ValueError, RuntimeError) as error:
        sys.stderr.write(f"tfcompat graph: {error}\n")
        return 2 if isinstance(error, ValueError) else 1
    picture.save(options.output)
    marked = sum(1 for _ in picture.model.legend & {"open", "blocked"})
    sys.stderr.write(f"tfcompat graph: wrote {options.output} ({len(picture.model.nodes)} "
                     f"nodes{', gradient paths marked' if marked else ''})\n")
    return 0
