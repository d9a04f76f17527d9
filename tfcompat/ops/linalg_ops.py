"""Linear-algebra ops used by initializers: Qr, Diag, DiagPart."""

from __future__ import annotations

import numpy as np

from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.op_helpers import FLOAT_COMPLEX, NUMBERS


def _qr_shape(op):
    x = op.inputs[0]
    dtype = x.dtype.base_dtype
    if x.shape.ndims is None:
        return [(dtype, unknown_shape()), (dtype, unknown_shape())]
    if x.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {x.shape.ndims}")
    *batch, m, n = x.shape.as_tuple()
    full = op._attrs["full_matrices"]
    k = None if m is None or n is None else min(m, n)
    q_cols = m if full else k
    r_rows = m if full else k
    batch = tuple(batch)
    return [(dtype, TensorShape(batch + (m, q_cols))), (dtype, TensorShape(batch + (r_rows, n)))]


def _qr_kernel(x, full_matrices):
    q, r = np.linalg.qr(np.asarray(x), mode="complete" if full_matrices else "reduced")
    return q.astype(x.dtype), r.astype(x.dtype)


register_op("Qr", inputs=("input: T",), kernel=_qr_kernel, kernel_attrs=("full_matrices",),
            shape_fn=_qr_shape, allowed={"T": FLOAT_COMPLEX},
            attr_defaults={"full_matrices": False},
            grad=NOT_DIFFERENTIABLE)
# TF defines a QR gradient; tfcompat does not implement it yet, so QR is a gradient cut.


def qr(input, full_matrices=False, name=None):  # noqa: A002 - TF's name
    """Computes the QR decompositions of one or more matrices (``tf.linalg.qr``)."""
    return apply_op("Qr", [input], name=name, attrs={"full_matrices": bool(full_matrices)})


def _diag_part_shape(op):
    x = op.inputs[0]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    dims = x.shape.as_tuple()
    if len(dims) % 2:
        raise ShapeError(f"Input must have even rank <= 6, input rank is {len(dims)}")
    half = len(dims) // 2
    for a, b in zip(dims[:half], dims[half:]):
        if a is not None and b is not None and a != b:
            raise ShapeError(f"Dimensions must be equal, but are {a} and {b}")
    return [(x.dtype.base_dtype, TensorShape(dims[:half]))]


def _diag_part_kernel(x):
    x = np.asarray(x)
    half = x.ndim // 2
    n = int(np.prod(x.shape[:half], dtype=np.int64))
    return x.reshape(n, n).diagonal().reshape(x.shape[:half]).copy()


def _diag_shape(op):
    x = op.inputs[0]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    return [(x.dtype.base_dtype, x.shape.concatenate(x.shape))]


def _diag_kernel(x):
    x = np.asarray(x)
    n = x.size
    return np.diag(x.reshape(n)).reshape(x.shape + x.shape)


def diag_part(input, name=None):  # noqa: A002
    """The diagonal part of a tensor (``tf.diag_part``)."""
    return apply_op("DiagPart", [input], name=name)


def diag(diagonal, name=None):
    """A diagonal tensor with the given diagonal values (``tf.diag``)."""
    return apply_op("Diag", [diagonal], name=name)


def _diag_part_grad(op, grad):
    return diag(grad)


register_op("DiagPart", inputs=("input: T",), kernel=_diag_part_kernel,
            shape_fn=_diag_part_shape, allowed={"T": NUMBERS},
            grad=_diag_part_grad)


def _diag_grad(op, grad):
    return diag_part(grad)


register_op("Diag", inputs=("diagonal: T",), kernel=_diag_kernel, shape_fn=_diag_shape,
            allowed={"T": NUMBERS},
            grad=_diag_grad)


