"""Counting and evenly spaced values: DenseBincount (``tf.math.bincount``), confusion_matrix,
and ``tf.lin_space`` / ``tf.linspace``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.op_helpers import FLOATS, INDEX_TYPES
from tfcompat.ops.scatter_nd_ops import scatter_nd


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


# ---- DenseBincount ---------------------------------------------------------------------------

def _bincount_shape(op):
    x, size_t, weights = op.inputs
    size = tensor_util.constant_value(size_t)
    n = None if size is None else int(size)
    dtype = weights.dtype.base_dtype
    if x.shape.ndims == 2:
        return [(dtype, TensorShape._from_tuple((x.shape.as_tuple()[0], n)))]
    if x.shape.ndims is None:
        return [(dtype, unknown_shape())]
    if x.shape.ndims > 2:
        raise ShapeError(f"Shape must be at most rank 2 but is rank {x.shape.ndims}")
    return [(dtype, TensorShape._from_tuple((n,)))]


def _bincount_kernel(x, size, weights, binary_output):
    x, weights = np.asarray(x), np.asarray(weights)
    size = int(size)
    if size < 0:
        raise _invalid(f"size ({size}) must be non-negative")
    if (x < 0).any():
        raise _invalid("Input arr must be non-negative!")
    rows = x.reshape(1, -1) if x.ndim <= 1 else x
    w = None if weights.size == 0 else weights.reshape(rows.shape)
    out = np.zeros((rows.shape[0], size), dtype=weights.dtype)
    for r in range(rows.shape[0]):
        keep = rows[r] < size
        if binary_output:
            out[r, rows[r][keep]] = 1
        elif w is None:
            np.add.at(out[r], rows[r][keep], 1)
        else:
            np.add.at(out[r], rows[r][keep], w[r][keep])
    return out if x.ndim == 2 else out[0]


register_op("DenseBincount", inputs=("input: Tidx", "size: Tidx", "weights: T"),
            kernel=_bincount_kernel, kernel_attrs=("binary_output",),
            shape_fn=_bincount_shape,
            allowed={"Tidx": INDEX_TYPES, "T": (dtypes.int32, dtypes.int64) + FLOATS},
            attr_defaults={"binary_output": False}, value_inputs=(1,),
            grad=NOT_DIFFERENTIABLE)


def bincount(arr, weights=None, minlength=None, maxlength=None, dtype=dtypes.int32,
             name=None) -> Tensor:
    """Counts the occurrences of each value in an integer array (``tf.math.bincount``)."""
    with ops.name_scope(name, "bincount", [arr, weights, minlength, maxlength]):
        # A SparseTensor or RaggedTensor is counted through its values, as in TF.
        arr = getattr(arr, "flat_values", None) if hasattr(arr, "row_splits") else \
            getattr(arr, "values", arr) if hasattr(arr, "dense_shape") else arr
        if weights is not None and hasattr(weights, "row_splits"):
            weights = weights.flat_values
        elif weights is not None and hasattr(weights, "dense_shape"):
            weights = weights.values
        arr = convert_to_tensor(arr, name="arr", dtype=dtypes.int32)
        array_is_nonempty = math_ops.cast(
            math_ops.greater(array_ops.size(arr), 0), dtypes.int32)
        output_size = array_is_nonempty * (math_ops.reduce_max(arr) + 1)
        if minlength is not None:
            output_size = math_ops.maximum(
                convert_to_tensor(minlength, name="minlength", dtype=dtypes.int32),
                output_size)
        if maxlength is not None:
            output_size = math_ops.minimum(
                convert_to_tensor(maxlength, name="maxlength", dtype=dtypes.int32),
                output_size)
        if weights is None:
            weights = constant_op.constant([], dtype=dtype)
        else:
            weights = convert_to_tensor(weights, name="weights")
        return apply_op("DenseBincount", [arr, output_size, weights],
                        attrs={"binary_output": False})


# ---- confusion_matrix ------------------------------------------------------------------------

def confusion_matrix(labels, predictions, num_classes=None, dtype=dtypes.int32, name=None,
                     weights=None) -> Tensor:
    """The [num_classes, num_classes] matrix counting (label, prediction) pairs."""
    with ops.name_scope(name, "confusion_matrix", (predictions, labels, num_classes, weights)):
        labels = math_ops.cast(convert_to_tensor(labels, name="labels"), dtypes.int64)
        predictions = math_ops.cast(convert_to_tensor(predictions, name="predictions"),
                                    dtypes.int64)
        if num_classes is None:
            num_classes = math_ops.maximum(math_ops.reduce_max(predictions),
                                           math_ops.reduce_max(labels)) + 1
        else:
            num_classes = math_ops.cast(num_classes, dtypes.int64)
        indices = array_ops.stack([labels, predictions], axis=1)
        values = (array_ops.ones_like(predictions, dtype=dtype) if weights is None
                  else math_ops.cast(weights, dtype))
        shape = array_ops.stack([num_classes, num_classes])
        return scatter_nd(indices, values, shape)


# ---- lin_space ------------------------------------------------------------------------------

def lin_space(start, stop, num, name=None, axis=0) -> Tensor:
    """``num`` evenly spaced values from ``start`` to ``stop`` inclusive (scalar endpoints).

    Built as TF builds it: start, the interior points start + i * delta, and stop, concatenated
    and sliced to ``num`` (so num == 1 gives [start] and the last value is exactly ``stop``).
    """
    if axis != 0:
        raise NotImplementedError("tf.linspace with axis != 0 is not supported by tfcompat yet")
    with ops.name_scope(name, "linspace", [start, stop, num]):
        start = convert_to_tensor(start, name="start")
        stop = convert_to_tensor(stop, name="stop", dtype=start.dtype.base_dtype)
        num = convert_to_tensor(num, name="num")
        if start.shape.ndims not in (None, 0) or stop.shape.ndims not in (None, 0):
            raise NotImplementedError("tf.linspace with non-scalar endpoints is not supported "
                                      "by tfcompat yet")
        dtype = start.dtype.base_dtype
        num_int = math_ops.cast(num, dtypes.int32)
        n_steps = math_ops.maximum(num_int - 1, 1)
        delta = (stop - start) / math_ops.cast(n_steps, dtype)
        interior = math_ops.cast(math_ops.range(1, math_ops.maximum(num_int - 1, 1), 1), dtype)
        middle = start + interior * delta
        everything = array_ops.concat(
            [array_ops.reshape(start, [1]), middle, array_ops.reshape(stop, [1])], 0)
        static_num = tensor_util.constant_value(num_int)
        size = [int(static_num)] if static_num is not None else array_ops.reshape(num_int, [1])
        return slicing_ops.slice(everything, [0], size)


linspace = lin_space
