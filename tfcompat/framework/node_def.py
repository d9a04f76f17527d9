"""NodeDef views of Operations: protobuf text format (``str(op)``) and attr spellings."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_shape import TensorShape


def attr_short_text(value) -> str:
    """An attr value as TF spells it in node descriptions: ``T=DT_INT32``, ``shape=[?,2]``."""
    if isinstance(value, dtypes.DType):
        return dtypes.enum_name(value)
    if isinstance(value, TensorShape):
        if value.ndims is None:
            return "<unknown>"
        return "[" + ",".join("?" if d is None else str(d) for d in value.as_tuple()) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, np.ndarray):
        return "Tensor<type: " + value.dtype.name + " shape: " + str(list(value.shape)) + ">"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(attr_short_text(v) for v in value) + "]"
    if isinstance(value, (str, bytes)):
        text = value.decode() if isinstance(value, bytes) else value
        return f'"{text}"'
    return str(value)


def c_escape(data: bytes) -> str:
    """Escapes bytes as protobuf's text format does (octal for non-printable bytes)."""
    out = []
    for byte in data:
        ch = chr(byte)
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch in "\"'\\":
            out.append("\\" + ch)
        elif 0x20 <= byte < 0x7f:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)


def _format_number(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (np.floating, float)):
        if isinstance(value, np.float32):
            text = np.format_float_positional(value, trim="-") if abs(value) < 1e16 else repr(
                float(value))
        else:
            text = repr(float(value))
        if text.endswith(".0"):
            text = text[:-2]
        return text
    return str(int(value))


def _tensor_lines(value: np.ndarray, dtype: dtypes.DType, indent: str) -> list[str]:
    lines = [f"{indent}dtype: {dtypes.enum_name(dtype)}", f"{indent}tensor_shape {{"]
    for d in value.shape:
        lines += [f"{indent}  dim {{", f"{indent}    size: {d}", f"{indent}  }}"]
    lines.append(f"{indent}}}")
    if dtype.base_dtype is dtypes.string:
        for item in value.reshape(-1):
            data = item if isinstance(item, bytes) else str(item).encode()
            lines.append(f'{indent}string_val: "{c_escape(data)}"')
    elif value.size == 1:
        # lazy: tensor_protos loads the protobuf messages, which only GraphDefs and repr need
        from tfcompat.framework.tensor_protos import VAL_FIELDS

        field = VAL_FIELDS[dtype.base_dtype.name]
        lines.append(f"{indent}{field}: {_format_number(value.reshape(-1)[0])}")
    elif value.size > 1:
        data = np.ascontiguousarray(value, dtypes.storage_type(dtype)).tobytes()
        lines.append(f'{indent}tensor_content: "{c_escape(data)}"')
    return lines


def _shape_lines(shape: TensorShape, indent: str) -> list[str]:
    if shape.ndims is None:
        return [f"{indent}unknown_rank: true"]
    lines = []
    for d in shape.as_tuple():
        lines += [f"{indent}dim {{", f"{indent}  size: {-1 if d is None else d}", f"{indent}}}"]
    return lines


def _attr_value_lines(key: str, value, op, indent: str) -> list[str]:
    inner = indent + "  "
    if isinstance(value, dtypes.DType):
        return [f"{inner}type: {dtypes.enum_name(value)}"]
    if isinstance(value, TensorShape):
        return [f"{inner}shape {{", *_shape_lines(value, inner + "  "), f"{inner}}}"]
    if isinstance(value, np.ndarray):
        dtype = op._attrs.get("dtype", dtypes.as_dtype(value.dtype))
        return [f"{inner}tensor {{", *_tensor_lines(value, dtype, inner + "  "), f"{inner}}}"]
    if isinstance(value, bool):
        return [f"{inner}b: {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{inner}i: {value}"]
    if isinstance(value, float):
        return [f"{inner}f: {_format_number(np.float32(value))}"]
    if isinstance(value, (str, bytes)):
        data = value.encode() if isinstance(value, str) else value
        return [f'{inner}s: "{c_escape(data)}"']
    if isinstance(value, (list, tuple)):
        lines = [f"{inner}list {{"]
        for item in value:
            lines.extend(_attr_value_lines(key, item, op, inner))
        lines.append(f"{inner}}}")
        return lines
    return [f"{inner}s: \"{c_escape(str(value).encode())}\""]


def node_def_text(op) -> str:
    """The NodeDef of ``op`` in protobuf text format, as ``str(op)`` prints it."""
    lines = [f'name: "{op._name}"', f'op: "{op._type}"']
    for t in op._inputs:
        lines.append(f'input: "{t._as_node_def_input()}"')
    for c in op._control_inputs:
        lines.append(f'input: "^{c._name}"')
    if op._device:
        lines.append(f'device: "{op._device}"')
    for key, value in op._attrs.items():
        lines += ["attr {", f'  key: "{key}"', "  value {",
                  *_attr_value_lines(key, value, op, "  "), "  }", "}"]
    return "\n".join(lines) + "\n"


class NodeDefView:
    """A read-only NodeDef-like view of an Operation (``op.node_def``)."""

    def __init__(self, op):
        self._op = op

    @property
    def name(self) -> str:
        return self._op._name

    @property
    def op(self) -> str:
        return self._op._type

    @property
    def input(self) -> list[str]:
        return ([t._as_node_def_input() for t in self._op._inputs]
                + ["^" + c._name for c in self._op._control_inputs])

    @property
    def device(self) -> str:
        return self._op._device

    @property
    def attr(self) -> dict:
        return dict(self._op._attrs)

    def __str__(self) -> str:
        return node_def_text(self._op)
