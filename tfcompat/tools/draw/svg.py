"""Writes a placed PictureModel as a standalone SVG document (no dependency but the stdlib).

Every node and edge carries an SVG ``<title>``: browsers and notebooks show it as a tooltip,
which is where the op's outputs (dtype, static shape) and the reason a gradient is blocked go.
Nodes are ``<g class="node ..." data-name="op/name">`` so tests and scripts can find them.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from tfcompat.tools.draw.layout import (
    FONT_SIZE,
    SMALL_FONT_SIZE,
    Box,
    Placed,
    badge_width,
    layout,
    text_width,
)
from tfcompat.tools.draw.model import PictureModel

# fill, stroke, dash of each node kind
STYLES = {
    "op": ("#ffffff", "#555555", ""),
    "variable": ("#dcefd6", "#3c7a3a", ""),
    "placeholder": ("#fff4d6", "#a0761c", "5,3"),
    "const": ("#eeeeee", "#8a8a8a", ""),
    "gradient": ("#e3ecfb", "#3f63a8", ""),
    "scope": ("#f2f2f2", "#666666", ""),
}
LEGEND_TEXT = {
    "variable": "variable", "placeholder": "placeholder", "const": "constant", "op": "op",
    "gradient": "gradient op", "scope": "collapsed name scope",
    "blocked": "blocks the gradient (hover for why)",
    "open": "gradient flows", "edge-blocked": "gradient blocked",
}
BLOCKED = "#d62728"
OPEN = "#2ca02c"
EDGE = "#7a7a7a"
SCOPE_FILLS = ("#f6f7fb", "#eceef6")
LEGEND_HEIGHT = 30.0
TITLE_HEIGHT = 26.0


def _attrs(**attrs) -> str:
    return " ".join(f"{k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}"
                    for k, v in attrs.items() if v not in (None, ""))


def _title(lines) -> str:
    return f"<title>{escape(chr(10).join(lines))}</title>"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _node(model: PictureModel, key: str, box: Box) -> list[str]:
    node = model.nodes[key]
    fill, stroke, dash = STYLES[node.kind]
    width = 1.2
    classes = ["node", node.kind, *sorted(node.roles)]
    tooltip = list(node.tooltip)
    if node.blocked:
        classes.append("blocked")
        fill, stroke, width = "#fde2e2", BLOCKED, 2.6
        tooltip += ["gradient blocked here:"] + [f"  {reason}" for reason in node.blocked]
    if "unconnected" in node.roles:
        stroke, dash, width = BLOCKED, "4,3", 2.2
    elif "x" in node.roles or "y" in node.roles:
        width = max(width, 2.4)
    name = key[len("scope:"):] + "/" if key.startswith("scope:") else key
    out = [f"<g {_attrs(class_=' '.join(classes), data_name=name)}>", _title(tooltip)]
    x, y, w, h = (_fmt(v) for v in (box.x, box.y, box.width, box.height))
    shape = _attrs(x=x, y=y, width=w, height=h, fill=fill, stroke=stroke, stroke_width=width,
                   stroke_dasharray=dash)
    if node.kind == "const":
        out.append(f"<rect {shape} rx={quoteattr(_fmt(box.height / 2))}/>")
    elif node.kind == "scope":
        out.append(f"<rect {shape} rx=\"3\"/>")
        inset = _attrs(x=_fmt(box.x + 3), y=_fmt(box.y + 3), width=_fmt(box.width - 6),
                       height=_fmt(box.height - 6), fill="none", stroke=stroke,
                       stroke_width=0.8)
        out.append(f"<rect {inset} rx=\"2\"/>")
    else:
        radius = 12 if node.kind == "variable" else 4
        out.append(f"<rect {shape} rx=\"{radius}\"/>")
    cx = _fmt(box.center_x)
    out.append(f"<text {_attrs(x=cx, y=_fmt(box.y + 16), font_size=FONT_SIZE)} "
               f"text-anchor=\"middle\">{escape(node.label)}</text>")
    out.append(f"<text {_attrs(x=cx, y=_fmt(box.y + 30), font_size=SMALL_FONT_SIZE)} "
               f"text-anchor=\"middle\" fill=\"#555\">{escape(node.subtitle)}</text>")
    text = node.badge
    if text:
        colour = BLOCKED if "none" in node.roles else "#1f3d7a"
        pill = _attrs(x=_fmt(box.x), y=_fmt(box.y - 13), width=_fmt(badge_width(text)),
                      height=12, fill=colour)
        out.append(f"<rect {pill} rx=\"6\"/>")
        out.append(f"<text {_attrs(x=_fmt(box.x + 4), y=_fmt(box.y - 4))} font-size=\"9\" "
                   f"fill=\"#ffffff\">{escape(text)}</text>")
    out.append("</g>")
    return out


def _edge(edge, source: Box, target: Box) -> list[str]:
    x1, y1 = source.center_x, source.y + source.height
    x2, y2 = target.center_x, target.y
    if y2 <= y1:  # a back edge or a sibling: leave from the side
        y1 = source.y + source.height / 2
        x1 = source.x + source.width if x2 > x1 else source.x
    bend = max(abs(y2 - y1) / 2, 20.0)
    path = (f"M{_fmt(x1)},{_fmt(y1)} C{_fmt(x1)},{_fmt(y1 + bend)} "
            f"{_fmt(x2)},{_fmt(y2 - bend)} {_fmt(x2)},{_fmt(y2)}")
    colour, width, dash, marker = EDGE, 1.1, "", "arrow"
    if edge.state == "open":
        colour, width, marker = OPEN, 2.0, "arrow-open"
    elif edge.state == "blocked":
        colour, width, dash, marker = BLOCKED, 2.0, "6,3", "arrow-blocked"
    if edge.control:
        dash = dash or "2,3"
    tooltip = list(edge.tooltip)
    if edge.control:
        tooltip.append("control dependency")
    if edge.state == "blocked":
        tooltip = [*tooltip, "the gradient does not flow back along this edge"]
    classes = " ".join(c for c in ("edge", edge.state, "control" if edge.control else "") if c)
    out = [f"<g {_attrs(class_=classes, data_src=edge.src, data_dst=edge.dst)}>",
           _title(tooltip),
           f"<path {_attrs(d=path, fill='none', stroke=colour, stroke_width=width)} "
           f"{_attrs(stroke_dasharray=dash)} marker-end=\"url(#{marker})\"/>"]
    if edge.state == "blocked":  # a cross at the middle of the edge
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        out.append(f"<path d=\"M{_fmt(mx - 4)},{_fmt(my - 4)} L{_fmt(mx + 4)},{_fmt(my + 4)} "
                   f"M{_fmt(mx - 4)},{_fmt(my + 4)} L{_fmt(mx + 4)},{_fmt(my - 4)}\" "
                   f"stroke=\"{BLOCKED}\" stroke-width=\"2.4\"/>")
    out.append("</g>")
    return out


def _markers() -> str:
    def marker(name, colour):
        return (f"<marker id=\"{name}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                f"markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                f"<path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>")
    return ("<defs>" + marker("arrow", EDGE) + marker("arrow-open", OPEN)
            + marker("arrow-blocked", BLOCKED) + "</defs>")


def _legend(model: PictureModel, y: float) -> tuple[list[str], float]:
    keys = [k for k in ("variable", "placeholder", "const", "op", "gradient", "scope")
            if k in model.legend]
    keys += [k for k in ("blocked", "open") if k in model.legend]
    if "blocked" in model.legend:
        keys.append("edge-blocked")
    out = ["<g class=\"legend\">"]
    x = 16.0
    for key in keys:
        if key in STYLES:
            fill, stroke, dash = STYLES[key]
            swatch = _attrs(x=_fmt(x), y=_fmt(y), width=18, height=12, fill=fill, stroke=stroke,
                            stroke_dasharray=dash)
            out.append(f"<rect {swatch} rx=\"3\"/>")
        elif key == "blocked":
            out.append(f"<rect {_attrs(x=_fmt(x), y=_fmt(y), width=18, height=12)} "
                       f"fill=\"#fde2e2\" stroke=\"{BLOCKED}\" stroke-width=\"2\" rx=\"3\"/>")
        else:
            colour = OPEN if key == "open" else BLOCKED
            dash = " stroke-dasharray=\"6,3\"" if key == "edge-blocked" else ""
            out.append(f"<path d=\"M{_fmt(x)},{_fmt(y + 6)} h18\" stroke=\"{colour}\" "
                       f"stroke-width=\"2\"{dash}/>")
        text = LEGEND_TEXT[key]
        out.append(f"<text {_attrs(x=_fmt(x + 23), y=_fmt(y + 10))} "
                   f"font-size=\"{SMALL_FONT_SIZE}\">{escape(text)}</text>")
        x += 23 + text_width(text, SMALL_FONT_SIZE) + 14
    out.append("</g>")
    return out, x


def render(model: PictureModel) -> str:
    """The SVG document of ``model``."""
    top = TITLE_HEIGHT if model.title else 0.0
    placed: Placed = layout(model, top=top)
    legend, legend_width = _legend(model, placed.height)
    width = max(placed.width, legend_width, text_width(model.title) + 32)
    height = placed.height + LEGEND_HEIGHT
    size = _attrs(width=_fmt(width), height=_fmt(height))
    out = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" {size} "
           f"viewBox=\"0 0 {_fmt(width)} {_fmt(height)}\" "
           f"font-family=\"Helvetica, Arial, sans-serif\">",
           _title([model.title or "tfcompat graph"]), _markers(),
           "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"]
    if model.title:
        out.append(f"<text x=\"16\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
                   f"{escape(model.title)}</text>")
    out.append("<g class=\"scopes\">")
    for path, box in sorted(placed.scopes.items(), key=lambda item: len(item[0])):
        name = "/".join(path)
        fill = SCOPE_FILLS[len(path) % 2]
        rect = _attrs(x=_fmt(box.x), y=_fmt(box.y), width=_fmt(box.width),
                      height=_fmt(box.height), fill=fill)
        label = _attrs(x=_fmt(box.x + 8), y=_fmt(box.y + 15), font_size=SMALL_FONT_SIZE)
        out.append(f"<g {_attrs(class_='scope', data_name=name + '/')}>"
                   f"{_title([f'name scope {name}/'])}"
                   f"<rect {rect} stroke=\"#9aa3c0\" stroke-dasharray=\"4,2\" rx=\"8\"/>"
                   f"<text {label} fill=\"#4a5580\">{escape(path[-1])}/</text></g>")
    out.append("</g><g class=\"edges\">")
    for edge in model.edges:
        out += _edge(edge, placed.nodes[edge.src], placed.nodes[edge.dst])
    out.append("</g><g class=\"nodes\">")
    for key, box in placed.nodes.items():
        out += _node(model, key, box)
    out.append("</g>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"
