"""MatMul and BatchMatMulV2: kernels, shape functions, gradients and ``tf.matmul``."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors, ops
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.blas_threads import run_product
from tfcompat.ops.math_grad_util import reduce_to_shape_of
from tfcompat.ops.op_helpers import NUMBERS

_SHAPE = TensorShape._from_tuple


def _matmul_shape(op):
    a, b = op.inputs
    for t in (a, b):
        if t.shape.ndims is not None and t.shape.ndims != 2:
            raise ShapeError(f"Shape must be rank 2 but is rank {t.shape.ndims}")
    if a.shape.ndims is None or b.shape.ndims is None:
        return [(a.dtype.base_dtype, unknown_shape())]
    ta, tb = op._attrs["transpose_a"], op._attrs["transpose_b"]
    da = a.shape.as_tuple() if a.shape.ndims is not None else (None, None)
    db = b.shape.as_tuple() if b.shape.ndims is not None else (None, None)
    m, ka = (da[1], da[0]) if ta else da
    kb, n = (db[1], db[0]) if tb else db
    if ka is not None and kb is not None and ka != kb:
        raise ShapeError(f"Dimensions must be equal, but are {ka} and {kb}")
    return [(a.dtype.base_dtype, _SHAPE((m, n)))]


# A few-row product by a transposed matrix, a [m, k] x b[n, k]^T with m <= _FEW_ROWS and k, n at
# least _LONG_SIDE (an LSTM's input gradient: [32, 512] x [160, 512]^T), runs 20-40% faster in
# OpenBLAS as b x a^T transposed back (both on one thread and on two; measured for m 8..32, k
# 128..4096, n 128..50000). Below _MIN_TRANSPOSED_SIZE multiply-adds the extra copy costs more
# than that (4 x 128 x 128: +20%), and past _MAX_TRANSPOSED_OUTPUT output elements transposing
# back does (32 x 128 x 100000: +8%). Its float32 bits are the same as the direct product's (a
# sweep of 300 shapes, NaN/inf/-0 included, on one and two threads), except that a NaN result
# may carry an input NaN's payload where the direct product gives the default NaN; float64's
# last bits differ, so float64 keeps the direct product.
_FEW_ROWS = 32
_LONG_SIDE = 128
_MIN_TRANSPOSED_SIZE = 1 << 18
_MAX_TRANSPOSED_OUTPUT = 1 << 20
_FLOAT32 = np.dtype(np.float32)


def _transposed_product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b.T`` computed as ``(b @ a.T).T``, returned C-contiguous."""
    return np.ascontiguousarray(np.matmul(b, a.T).T)


def _matmul_kernel(a, b, transpose_a, transpose_b):
    a = np.asarray(a)
    b = np.asarray(b)
    if (transpose_b and not transpose_a and a.ndim == 2 and b.ndim == 2
            and a.dtype == _FLOAT32 and b.dtype == _FLOAT32
            and a.flags.c_contiguous and b.flags.c_contiguous):
        m, k = a.shape
        n = b.shape[0]
        if (m <= _FEW_ROWS and k >= _LONG_SIDE and n >= _LONG_SIDE and b.shape[1] == k
                and m * n * k >= _MIN_TRANSPOSED_SIZE and m * n <= _MAX_TRANSPOSED_OUTPUT):
            return run_product(m, n, k, _transposed_product, a, b)
    if transpose_a:
        a = a.T
    if transpose_b:
        b = b.T
    m, k = a.shape[0], a.shape[1]
    kb, n = b.shape[0], b.shape[1]
    if k != kb:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: [{m},{k}], In[1]: [{kb},{n}]")
    return run_product(m, n, k, np.matmul, a, b)


def _mat_mul(a, b, transpose_a=False, transpose_b=False, name=None, **grad_flags):
    return apply_op("MatMul", [a, b], name=name,
                    attrs={"transpose_a": transpose_a, "transpose_b": transpose_b, **grad_flags})


def _conj(x):
    """A Conj op for a complex tensor, else the tensor itself (TF's math_ops.conj)."""
    return apply_op("Conj", [x]) if x.dtype.is_complex else x


def _matmul_grad(op, grad):
    # Complex inputs: the gradient multiplies by the conjugates, as TF's.
    a, b = (_conj(t) for t in op.inputs)
    ta, tb = op._attrs["transpose_a"], op._attrs["transpose_b"]
    if not ta and not tb:
        return (_mat_mul(grad, b, transpose_b=True, grad_a=True),
                _mat_mul(a, grad, transpose_a=True, grad_b=True))
    if not ta and tb:
        return (_mat_mul(grad, b, grad_a=True),
                _mat_mul(grad, a, transpose_a=True, grad_b=True))
    if ta and not tb:
        return (_mat_mul(b, grad, transpose_b=True, grad_a=True),
                _mat_mul(a, grad, grad_b=True))
    return (_mat_mul(b, grad, transpose_a=True, transpose_b=True, grad_a=True),
            _mat_mul(grad, a, transpose_a=True, transpose_b=True, grad_b=True))


register_op("MatMul", inputs=("a: T", "b: T"), kernel=_matmul_kernel,
            kernel_attrs=("transpose_a", "transpose_b"), shape_fn=_matmul_shape,
            allowed={"T": NUMBERS},
            attr_defaults={"transpose_a": False, "transpose_b": False, "grad_a": False,
                           "grad_b": False},
            grad=_matmul_grad)


def _batch_matmul_shape(op):
    x, y = op.inputs
    if x.shape.ndims is None or y.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    for t in (x, y):
        if t.shape.ndims < 2:
            raise ShapeError(f"Shape must be rank >= 2 but is rank {t.shape.ndims}")
    dx, dy = x.shape.as_tuple(), y.shape.as_tuple()
    m, kx = (dx[-1], dx[-2]) if op._attrs["adj_x"] else (dx[-2], dx[-1])
    ky, n = (dy[-1], dy[-2]) if op._attrs["adj_y"] else (dy[-2], dy[-1])
    if kx is not None and ky is not None and kx != ky:
        raise ShapeError(f"Dimensions must be equal, but are {kx} and {ky}")
    batch = broadcast_shape(_SHAPE(dx[:-2]), _SHAPE(dy[:-2]))
    return [(x.dtype.base_dtype, batch.concatenate(_SHAPE((m, n))))]


def _batch_matmul_kernel(x, y, adj_x, adj_y):
    x, y = np.asarray(x), np.asarray(y)
    if adj_x:
        x = np.conj(np.swapaxes(x, -1, -2))
    if adj_y:
        y = np.conj(np.swapaxes(y, -1, -2))
    m, k = x.shape[-2:] if x.ndim >= 2 else (1, 1)
    n = y.shape[-1] if y.ndim >= 2 else 1
    try:
        return run_product(m, n, k, np.matmul, x, y)
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: {list(x.shape)}, "
            f"In[1]: {list(y.shape)}") from None


def _batch_mat_mul(x, y, adj_x=False, adj_y=False, name=None):
    return apply_op("BatchMatMulV2", [x, y], name=name, attrs={"adj_x": adj_x, "adj_y": adj_y})


def _batch_matmul_grad(op, grad):
    x, y = op.inputs
    adj_x, adj_y = op._attrs["adj_x"], op._attrs["adj_y"]
    if not adj_x and not adj_y:
        gx, gy = _batch_mat_mul(grad, y, adj_y=True), _batch_mat_mul(x, grad, adj_x=True)
    elif not adj_x and adj_y:
        gx, gy = _batch_mat_mul(grad, y), _batch_mat_mul(grad, x, adj_x=True)
    elif adj_x and not adj_y:
        gx, gy = _batch_mat_mul(y, grad, adj_y=True), _batch_mat_mul(x, grad)
    else:
        gx = _batch_mat_mul(y, grad, adj_x=True, adj_y=True)
        gy = _batch_mat_mul(grad, x, adj_x=True, adj_y=True)
    return reduce_to_shape_of(gx, x), reduce_to_shape_of(gy, y)


register_op("BatchMatMulV2", inputs=("x: T", "y: T"), kernel=_batch_matmul_kernel,
            kernel_attrs=("adj_x", "adj_y"), shape_fn=_batch_matmul_shape,
            allowed={"T": NUMBERS},
            attr_defaults={"adj_x": False, "adj_y": False, "grad_x": False, "grad_y": False},
            grad=_batch_matmul_grad)


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, name=None) -> Tensor:
    """Matrix product of a and b; batched (BatchMatMulV2) when either has rank > 2."""
    del a_is_sparse, b_is_sparse, output_type
    with ops.name_scope(name, "MatMul", [a, b]) as scope:
        a = convert_to_tensor(a, name="a")
        b = convert_to_tensor(b, name="b", dtype_hint=a.dtype.base_dtype)
        if (a.shape.ndims is None or a.shape.ndims > 2) or (
                b.shape.ndims is None or b.shape.ndims > 2):
            # BatchMatMulV2 only has adjoints: a transpose is the adjoint of the conjugate.
            if transpose_a:
                a, adjoint_a = _conj(a), True
            if transpose_b:
                b, adjoint_b = _conj(b), True
            return _batch_mat_mul(a, b, adj_x=bool(adjoint_a), adj_y=bool(adjoint_b),
                                  name=scope)
        # MatMul only has transposes: an adjoint is the transpose of the conjugate.
        if adjoint_a:
            a, transpose_a = _conj(a), True
        if adjoint_b:
            b, transpose_b = _conj(b), True
        return _mat_mul(a, b, transpose_a=bool(transpose_a), transpose_b=bool(transpose_b),
                        name=scope)

