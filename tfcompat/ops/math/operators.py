"""Python operators on Tensor (``+``, ``*``, ``<``, ``@``, ``[]``...) with TF's op names."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops.math.binary import (
    add_v2,
    floordiv,
    floormod,
    greater,
    greater_equal,
    less,
    less_equal,
    logical_and,
    logical_or,
    logical_xor,
    multiply,
    pow,
    subtract,
    truediv,
)
from tfcompat.ops.math.matmul import matmul
from tfcompat.ops.math.unary import abs, logical_not, negative


def _binary_operator(fn, op_name: str, hint_y: bool = False):
    def forward(x, y):
        with ops.name_scope(None, op_name, [x, y]) as scope:
            if hint_y and not isinstance(y, Tensor):
                y = convert_to_tensor(y, dtype_hint=x.dtype.base_dtype, name="y")
            return fn(x, y, name=scope)

    def reverse(y, x):
        with ops.name_scope(None, op_name, [x, y]) as scope:
            x = convert_to_tensor(x, dtype=y.dtype.base_dtype, name="x")
            return fn(x, y, name=scope)

    return forward, reverse


def _and(x, y, name=None):
    return logical_and(x, y, name=name)


def _or(x, y, name=None):
    return logical_or(x, y, name=name)


def _xor(x, y, name=None):
    return logical_xor(x, y, name=name)


def _matmul_op(x, y, name=None):
    return matmul(x, y, name=name)


def _truediv_op(x, y, name=None):
    return truediv(x, y, name=name)


def _getitem(tensor, slice_spec):
    from tfcompat.ops import slicing_ops  # slicing_ops builds on the math family (cycle)
    return slicing_ops.slice_helper(tensor, slice_spec)


_OPERATORS = [
    ("add", add_v2, "add", True),
    ("sub", subtract, "sub", False),
    ("mul", multiply, "mul", False),
    ("truediv", _truediv_op, "truediv", False),
    ("floordiv", floordiv, "floordiv", False),
    ("mod", floormod, "mod", False),
    ("pow", pow, "pow", False),
    ("and", _and, "and", False),
    ("or", _or, "or", False),
    ("xor", _xor, "xor", False),
    ("matmul", _matmul_op, "matmul", False),
]
for _py_name, _fn, _op_name, _hint in _OPERATORS:
    _fwd, _rev = _binary_operator(_fn, _op_name, _hint)
    setattr(Tensor, f"__{_py_name}__", _fwd)
    setattr(Tensor, f"__r{_py_name}__", _rev)

Tensor.__neg__ = lambda self: negative(self)
Tensor.__abs__ = lambda self: abs(self)
Tensor.__invert__ = lambda self: logical_not(self)
Tensor.__lt__ = lambda self, other: less(self, other)
Tensor.__le__ = lambda self, other: less_equal(self, other)
Tensor.__gt__ = lambda self, other: greater(self, other)
Tensor.__ge__ = lambda self, other: greater_equal(self, other)
Tensor.__getitem__ = _getitem
Tensor.__array_ufunc__ = None  # numpy defers to our reflected operators

