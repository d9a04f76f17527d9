"""Cumsum and Cumprod (``tf.cumsum``, ``tf.cumprod``) with their gradients."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array.slice_common import _SCAN_TYPES, _invalid, _shape_str
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- Cumsum and Cumprod ----------------------------------------------------------------------

def _scan_kernel(accumulate, identity):
    def kernel(x, axis, exclusive, reverse):
        x = np.asarray(x)
        axis = np.asarray(axis)
        if axis.ndim != 0:
            raise _invalid(f"ScanOp: axis must be a scalar, not {_shape_str(axis.shape)}")
        axis = int(axis)
        if not -x.ndim <= axis < x.ndim:
            raise _invalid(f"ScanOp: Expected scan axis in the range [{-x.ndim}, {x.ndim}), but "
                           f"got {axis}")
        axis %= x.ndim
        y = np.flip(x, axis) if reverse else x
        if exclusive and y.shape[axis]:
            # The exclusive scan of y is the inclusive scan of y shifted by one identity entry.
            head = np.full(y.shape[:axis] + (1,) + y.shape[axis + 1:], identity, dtype=x.dtype)
            y = np.concatenate([head, np.delete(y, -1, axis=axis)], axis=axis)
        out = accumulate(y, axis=axis, dtype=x.dtype)
        return np.flip(out, axis).copy() if reverse else out
    return kernel

_SCAN_ARGS = dict(inputs=("x: T", "axis: Tidx"), kernel_attrs=("exclusive", "reverse"),
                  shape_fn=unchanged_shape, allowed={"T": _SCAN_TYPES, "Tidx": INDEX_TYPES},
                  type_defaults={"Tidx": dtypes.int32},
                  attr_defaults={"exclusive": False, "reverse": False})


def _scan(op_type: str, x, axis, exclusive, reverse, name) -> Tensor:
    with ops.name_scope(name, op_type, [x]) as scope:
        x = convert_to_tensor(x, name="x")
        return apply_op(op_type, [x, axis], name=scope,
                        attrs={"exclusive": bool(exclusive), "reverse": bool(reverse)})


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None) -> Tensor:
    """Cumulative sum along ``axis`` (``tf.cumsum``); ``exclusive`` leaves out the entry
    itself, ``reverse`` sums from the end."""
    return _scan("Cumsum", x, axis, exclusive, reverse, name)


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None) -> Tensor:
    """Cumulative product along ``axis`` (``tf.cumprod``); see ``cumsum``."""
    return _scan("Cumprod", x, axis, exclusive, reverse, name)


def _cumsum_grad(op, grad):
    return cumsum(grad, op.inputs[1], exclusive=op._attrs["exclusive"],
                  reverse=not op._attrs["reverse"]), None


register_op("Cumsum", kernel=_scan_kernel(np.cumsum, 0), **_SCAN_ARGS,
            grad=_cumsum_grad)


def _cumprod_grad(op, grad):
    """TF's formula ``cumsum(cumprod(x) * grad, reversed) / x``, taken as 0 where x == 0."""
    x, axis = op.inputs
    exclusive, reverse = op._attrs["exclusive"], op._attrs["reverse"]
    prod = cumprod(x, axis, exclusive=exclusive, reverse=reverse)
    out = cumsum(prod * grad, axis, exclusive=exclusive, reverse=not reverse)
    # TF divides with DivNoNan; the same value from Select around a safe division.
    is_zero = math_ops.equal(x, array_ops.zeros_like(x))
    safe_x = array_ops.select(is_zero, array_ops.ones_like(x), x)
    return array_ops.select(is_zero, array_ops.zeros_like(out), out / safe_x), None


register_op("Cumprod", kernel=_scan_kernel(np.cumprod, 1), **_SCAN_ARGS,
            grad=_cumprod_grad)
