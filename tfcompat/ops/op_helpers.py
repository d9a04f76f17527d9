"""Registration helpers for the bulk of op types: one line per elementwise op.

``unary_op`` / ``binary_op`` / ``comparison_op`` register an op type with its kernel and shape
function and return the public wrapper. The shared broadcasting-gradient helper
(``reduce_to_shape_of``) lives in tfcompat.ops.math_grad_util so every binary gradient undoes
broadcasting the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tfcompat.framework import dtypes
from tfcompat.framework.common_shapes import (
    broadcast_binary_shape,
    broadcast_shape,
    unchanged_shape,
)
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op

FLOATS = (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64)
COMPLEX = (dtypes.complex64, dtypes.complex128)
FLOAT_COMPLEX = FLOATS + COMPLEX
SIGNED_INTS = (dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64)
UNSIGNED_INTS = (dtypes.uint8, dtypes.uint16, dtypes.uint32, dtypes.uint64)
INTS = SIGNED_INTS + UNSIGNED_INTS
REAL_NUMBERS = FLOATS + INTS
NUMBERS = REAL_NUMBERS + COMPLEX
INDEX_TYPES = (dtypes.int32, dtypes.int64)


def _input_specs(names, allowed) -> tuple[str, ...]:
    """Inputs typed by attr T, or by the one dtype an op accepts (TF's ``x: bool``)."""
    kind = allowed[0].name if len(allowed) == 1 else "T"
    return tuple(f"{name}: {kind}" for name in names)


def _allowed_attr(allowed):
    return None if len(allowed) == 1 else {"T": allowed}


def unary_op(op_type: str, kernel: Callable, allowed: Sequence[dtypes.DType] = FLOAT_COMPLEX,
             doc: str = "", grad: Callable | None = None) -> Callable:
    """Registers an elementwise op ``y = kernel(x)`` and returns ``fn(x, name=None)``.

    ``grad`` is the gradient rule ``fn(op, dy)`` (or ``NOT_DIFFERENTIABLE``), registered with it.
    """
    register_op(op_type, inputs=_input_specs(("x",), allowed), kernel=kernel,
                shape_fn=unchanged_shape, allowed=_allowed_attr(allowed), grad=grad)

    def wrapper(x, name=None):
        return apply_op(op_type, [x], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = doc or f"Computes {op_type} of x element-wise."
    return wrapper


def binary_op(op_type: str, kernel: Callable, allowed: Sequence[dtypes.DType] = NUMBERS,
              doc: str = "", grad: Callable | None = None) -> Callable:
    """Registers a broadcasting op ``z = kernel(x, y)`` and returns ``fn(x, y, name=None)``.

    ``grad`` is the gradient rule ``fn(op, dz)`` returning ``(dx, dy)`` before broadcasting is
    undone (wrap it with ``math_grad_util.binary_op_grads``), or ``NOT_DIFFERENTIABLE``.
    """
    register_op(op_type, inputs=_input_specs(("x", "y"), allowed), kernel=kernel,
                shape_fn=broadcast_binary_shape, allowed=_allowed_attr(allowed), grad=grad)

    def wrapper(x, y, name=None):
        return apply_op(op_type, [x, y], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = doc or f"Returns {op_type}(x, y) element-wise, with broadcasting."
    return wrapper


def _bool_broadcast_shape(op):
    x, y = op.inputs
    return [(dtypes.bool_, broadcast_shape(x.shape, y.shape))]


def comparison_op(op_type: str, kernel: Callable,
                  allowed: Sequence[dtypes.DType] | None = REAL_NUMBERS,
                  attr_defaults: dict | None = None) -> Callable:
    """Registers a broadcasting op with a bool result and returns ``fn(x, y, name=None)``.

    Comparisons are not differentiable in TF; the mark is registered here.
    """
    register_op(op_type, inputs=("x: T", "y: T"), kernel=kernel, shape_fn=_bool_broadcast_shape,
                allowed={"T": allowed} if allowed else None, attr_defaults=attr_defaults,
                grad=NOT_DIFFERENTIABLE)

    def wrapper(x, y, name=None):
        return apply_op(op_type, [x, y], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = f"Returns the truth value of {op_type}(x, y) element-wise."
    return wrapper
