"""Shape functions shared by many op types."""

from __future__ import annotations

from tfcompat.framework.ops import ShapeError
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape


def unchanged_shape(op):
    """One output with the dtype and shape of input 0."""
    x = op._inputs[0]
    dtype = x._dtype
    return [(dtype if dtype._base is None else dtype._base, x._shape)]


def broadcast_shape(a: TensorShape, b: TensorShape) -> TensorShape:
    """The numpy-style broadcast of two static shapes; ShapeError when they cannot broadcast."""
    da, db = a._dims, b._dims
    if da is None or db is None:
        return unknown_shape()
    if da == db:  # (equal dims broadcast to themselves, unknown ones included)
        return a
    n = max(len(da), len(db))
    da = (1,) * (n - len(da)) + da
    db = (1,) * (n - len(db)) + db
    out = []
    for x, y in zip(da, db):
        if x == 1:
            out.append(y)
        elif y == 1:
            out.append(x)
        elif x is None:
            out.append(y)
        elif y is None:
            out.append(x)
        elif x == y:
            out.append(x)
        else:
            raise ShapeError(f"Dimensions must be equal, but are {x} and {y}")
    return TensorShape._from_tuple(tuple(out))


def broadcast_binary_shape(op):
    """Output of an elementwise binary op: dtype of x, broadcast shape of x and y."""
    x, y = op._inputs
    dtype = x._dtype
    return [(dtype if dtype._base is None else dtype._base, broadcast_shape(x._shape, y._shape))]


def scalar_shape(dtype):
    def shape_fn(op):
        return [(dtype, TensorShape._from_tuple(()))]
    return shape_fn


def no_outputs(op):
    return []
