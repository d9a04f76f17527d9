"""The text report ``tf.profiler.profile`` prints for the scope view (tfprof's format)."""

from __future__ import annotations

_OPTION_ORDER = (
    "max_depth", "min_bytes", "min_peak_bytes", "min_residual_bytes", "min_output_bytes",
    "min_micros", "min_accelerator_micros", "min_cpu_micros", "min_params", "min_float_ops",
    "min_occurrence", "step", "order_by", "account_type_regexes", "start_name_regexes",
    "trim_name_regexes", "show_name_regexes", "hide_name_regexes", "account_displayed_op_only",
    "select", "output",
)
_DOCS = {
    "params": "param: Number of parameters (in the Variable).",
    "float_ops": "flops: Number of float operations. Note: Please read the implementation for "
                 "the math behind it.",
}
_HEADERS = {"params": "# parameters", "float_ops": "# float_ops"}
# The order statistics appear in, whatever the order of `select`.
_STAT_ORDER = ("params", "float_ops")
SUPPORTED_SELECT = frozenset(_STAT_ORDER)


def _option_value(name: str, value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "select":
        return ",".join(sorted(value))
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if name == "output" and ":" not in str(value):
        return f"{value}:"
    return str(value)


def format_number(value: int) -> str:
    """tfprof's short count: 768, 1.02k, 27.65k, 3.10m, 1.20b."""
    for limit, suffix in ((1e9, "b"), (1e6, "m"), (1e3, "k")):
        if value >= limit:
            return f"{value / limit:.2f}{suffix}"
    return str(value)


def _stat_text(stat: str, shown) -> str:
    # A node's own value shows only when it is accounted; others get "--".
    node = shown.node
    if stat == "params":
        own = format_number(node.parameters) if shown.accounted else "--"
        text = f"{own}/{format_number(shown.total_parameters)} params"
        if node.shape is not None:
            # A scalar variable's shape reads "1".
            text = ("x".join(str(d) for d in node.shape) or "1") + ", " + text
        return text
    own = format_number(node.float_ops) if shown.accounted else "--"
    return f"{own}/{format_number(shown.total_float_ops)} flops"


def _tree_lines(shown, depth: int, stats: list[str], lines: list[str]) -> None:
    parts = ", ".join(_stat_text(stat, shown) for stat in stats)
    lines.append(f"{'  ' * depth}{shown.node.name} ({parts})")
    for child in shown.children:
        _tree_lines(child, depth + 1, stats, lines)


def render(root_shown, options: dict) -> str:
    """The full report: the options, the docs of the selected statistics and the tree."""
    merged = {"min_peak_bytes": 0, "min_residual_bytes": 0, "min_output_bytes": 0,
              "min_accelerator_micros": 0, "min_cpu_micros": 0, **options}
    stats = [stat for stat in _STAT_ORDER if stat in options.get("select", [])]
    lines = ["", "=========================Options============================="]
    lines += [f"{'-' + name:<28}{_option_value(name, merged.get(name, ''))}"
              for name in _OPTION_ORDER]
    lines += ["", "==================Model Analysis Report======================", "",
              "Doc:",
              "scope: The nodes in the model graph are organized by their names, which is "
              "hierarchical like filesystem."]
    lines += [_DOCS[stat] for stat in sorted(stats)]
    lines += ["", "Profile:", " | ".join(["node name"] + [_HEADERS[stat] for stat in stats])]
    _tree_lines(root_shown, 0, stats, lines)
    lines += ["", "======================End of Report=========================="]
    return "\n".join(lines) + "\n"
