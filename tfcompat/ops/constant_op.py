"""Const: tensors whose value is stored in the graph (``tf.constant``)."""

from __future__ import annotations

import numbers

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape


def _const_shape(op):
    value = op._attrs["value"]
    return [(op._attrs["dtype"], TensorShape._from_tuple(value.shape))]


def _bind_const(op, state):
    value = op._attrs["value"]
    return lambda: value


register_op("Const", shape_fn=_const_shape, bind=_bind_const, value_attr="value",
            required_attrs=("value", "dtype"), grad=NOT_DIFFERENTIABLE)


def _reshape_to(array: np.ndarray, shape, verify_shape: bool) -> np.ndarray:
    shape = tuple(int(d) for d in TensorShape(shape).as_list())
    size = int(np.prod(shape, dtype=np.int64))
    if array.shape == shape:
        return array
    if verify_shape:
        raise TypeError(f"Expected Tensor's shape: {shape}, got {array.shape}.")
    if array.size == size:
        return array.reshape(shape)
    if array.size == 1:
        return np.full(shape, array.reshape(-1)[0], dtype=array.dtype)
    if array.size > size:
        raise ValueError(f"Too many elements provided. Takes at most {size}, but got "
                         f"{array.size}.")
    if 0 < array.size < size:
        # TF1 pads a too-short value with its last element.
        flat = np.concatenate([array.reshape(-1),
                               np.full(size - array.size, array.reshape(-1)[-1], array.dtype)])
        return flat.reshape(shape)
    raise TypeError(f"Eager execution of tf.constant with unsupported shape. Tensor "
                    f"{array.tolist()} (converted from {array.tolist()}) has {array.size} "
                    f"elements, but got `shape` {shape} with {size} elements).")


def constant(value, dtype=None, shape=None, name="Const", verify_shape=False):
    """Creates a constant tensor from a Python or numpy value (``tf.constant``)."""
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
    array = tensor_util.make_ndarray(value, dtype)
    if shape is not None and dtype is None and TensorShape(shape).num_elements() == 0:
        array = array.astype(np.float32)  # TF makes an empty constant float32
    if dtype is None:
        dtype = dtypes.as_dtype(array.dtype)
        array = dtypes.storage_view(array)
    if shape is not None:
        array = _reshape_to(array, shape, verify_shape)
    graph = ops.get_default_graph()
    with graph.name_scope(name) as scope:
        op = graph._create_op("Const", [], {"value": array, "dtype": dtype}, scope)
    return op._outputs[0]


def _constant_conversion(value, dtype=None, name=None, as_ref=False):
    return constant(value, dtype=dtype, name=name or "Const")


ops.register_tensor_conversion_function(
    (numbers.Number, np.ndarray, np.generic, str, bytes, list, tuple, bool, type(None)),
    _constant_conversion)


def _shape_conversion(value, dtype=None, name=None, as_ref=False):
    if not value.is_fully_defined():
        raise ValueError(f"Cannot convert a partially known TensorShape {value} to a Tensor.")
    if dtype is None:
        dtype = dtypes.int32
        if any(d > 2**31 - 1 for d in value.as_list()):
            dtype = dtypes.int64
    return constant(value.as_list(), dtype=dtype, name=name or "Const")


ops.register_tensor_conversion_function(TensorShape, _shape_conversion)
