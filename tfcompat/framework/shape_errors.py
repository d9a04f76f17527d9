"""Shape-function errors and TF's wording of them, naming the node and its input shapes."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import node_def as node_def_lib
from tfcompat.framework import tensor_util
from tfcompat.framework.operation import Operation
from tfcompat.framework.tensor_shape import TensorShape


class ShapeError(Exception):
    """Raised by shape functions; becomes TF's ValueError naming the node and input shapes."""


def shape_error_message(message: str, op: Operation) -> str:
    attrs = ", ".join(f"{k}={node_def_lib.attr_short_text(v)}"
                      for k, v in sorted(op._attrs.items()) if not k.startswith("_"))
    inputs = ", ".join(t._as_node_def_input() for t in op._inputs)
    shapes = ", ".join(_shape_for_error(t.shape) for t in op._inputs)
    return (f"{message} for '{{{{node {op._name}}}}} = {op._type}[{attrs}]({inputs})' with input "
            f"shapes: {shapes}{_computed_inputs_text(op)}.")


def _computed_inputs_text(op: Operation) -> str:
    n = len(op._inputs)
    values = []
    for i in op._op_def.value_inputs:
        index = i % n
        value = tensor_util.constant_value(op._inputs[index])
        if value is not None and np.ndim(value) == 0:
            value = np.asarray(value).item()
            text = value.decode(errors="replace") if isinstance(value, bytes) else value
            values.append(f"input[{index}] = <{text}>")
    if values:
        return " and with computed input tensors: " + ", ".join(values)
    partial = []
    for i in op._op_def.shape_inputs:
        shape = tensor_util.constant_value_as_shape(op._inputs[i])
        if shape.ndims is not None:
            partial.append(f"input[{i}] = {_shape_for_error(shape)}")
    if partial:
        return " and with input tensors computed as partial shapes: " + ", ".join(partial)
    return ""


def _shape_for_error(shape: TensorShape) -> str:
    if shape.ndims is None:
        return "?"
    return "[" + ",".join("?" if d is None else str(d) for d in shape.as_tuple()) + "]"
