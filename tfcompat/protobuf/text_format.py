"""Protobuf text format output, as ``str(message)`` prints it in TensorFlow.

Fields print in field-number order, two spaces of indent per level, map entries sorted by key.
Doubles use the shortest of ``%.15g``/``%.17g`` that reads back exactly (floats: ``%.6g``/``%.9g``
read back as float32), so ``100.0`` prints ``100`` and ``0.3`` in a float field prints ``0.3``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from tfcompat.protobuf.scalars import round_to_float32

if TYPE_CHECKING:
    from tfcompat.protobuf.message import Field, Message

_ESCAPES = {9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 39: "\\'", 92: "\\\\"}


def _escape(data: bytes, keep_utf8: bool) -> str:
    out = []
    for b in data:
        if b in _ESCAPES:
            out.append(_ESCAPES[b])
        elif 32 <= b < 127:
            out.append(chr(b))
        elif keep_utf8 and b >= 128:
            out.append(chr(b))  # reassembled into UTF-8 below
        else:
            out.append(f"\\{b:03o}")
    text = "".join(out)
    if keep_utf8:
        return text.encode("latin-1").decode("utf-8")
    return text


def _format_real(value: float, short: str, long: str, is_float32: bool) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = short % value
    back = float(text)
    if is_float32:
        back = round_to_float32(back)
    return text if back == value else long % value


def _shortest_float32(value: float) -> float:
    """The float with fewest significant digits (at least 6) that rounds to ``value`` in float32."""
    if not math.isfinite(value):
        return value
    for digits in range(6, 18):
        rounded = float(f"{value:.{digits}g}")
        if round_to_float32(rounded) == value:
            return rounded
    return value


def format_scalar(field: Field, value: Any, python_style: bool = False) -> str:
    """One scalar value as text format writes it.

    ``python_style`` spells values as protobuf's pure-Python printer does (what
    ``tf.train.write_graph`` writes): doubles and the shortest float32-exact value of floats
    through Python's ``str`` (``1.0``, ``0.1``).
    """
    kind = field.kind.name
    if python_style:
        if kind == "double":
            return str(value)
        if kind == "float":
            return str(_shortest_float32(value))
    if kind == "string":
        return f'"{_escape(value.encode("utf-8"), keep_utf8=True)}"'
    if kind == "bytes":
        return f'"{_escape(value, keep_utf8=False)}"'
    if kind == "double":
        return _format_real(value, "%.15g", "%.17g", is_float32=False)
    if kind == "float":
        return _format_real(value, "%.6g", "%.9g", is_float32=True)
    if kind == "bool":
        return "true" if value else "false"
    if field.enum is not None:
        try:
            return field.enum.Name(value)
        except ValueError:
            return str(value)
    return str(value)


def _write_field(lines: list[str], indent: str, field: Field, value: Any,
                 python_style: bool) -> None:
    if field.kind is None:
        lines.append(f"{indent}{field.name} {{\n")
        _write_message(lines, indent + "  ", value, python_style)
        lines.append(f"{indent}}}\n")
    else:
        lines.append(f"{indent}{field.name}: {format_scalar(field, value, python_style)}\n")


def _write_message(lines: list[str], indent: str, msg: Message,
                   python_style: bool) -> None:
    from tfcompat.protobuf.message import MapField  # cycle: message prints text

    for field, value in msg.ListFields():
        if isinstance(field, MapField):
            inner = indent + "  "
            for key in sorted(value):
                lines.append(f"{indent}{field.name} {{\n")
                _write_field(lines, inner, field.key_field, key, python_style)
                _write_field(lines, inner, field.value_field, value[key], python_style)
                lines.append(f"{indent}}}\n")
        elif field.repeated:
            for item in value:
                _write_field(lines, indent, field, item, python_style)
        else:
            _write_field(lines, indent, field, value, python_style)


def message_to_string(msg: Message, python_style: bool = False) -> str:
    """``msg`` in protobuf text format (what ``str(msg)`` prints; see ``format_scalar``)."""
    lines: list[str] = []
    _write_message(lines, "", msg, python_style)
    return "".join(lines)
