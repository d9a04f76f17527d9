"""Python operators on RaggedTensor: element-wise ops applied to the flat values.

Both operands ragged: their row partitions must be equal (checked at run time unless they are
the same tensors). A dense operand broadcasts when it fits the flat values' uniform inner
dimensions (a scalar always does).
"""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.ops import control_flow_ops, math_ops
from tfcompat.ops.ragged.ragged_checks import runtime_assert


def _is_ragged(x) -> bool:
    return hasattr(x, "_composite_parts") and hasattr(x, "nested_row_splits")


def _partition_checks(x, y) -> list:
    checks = []
    for xs, ys in zip(x.nested_row_splits, y.nested_row_splits):
        if xs is not ys:
            checks.append(runtime_assert(math_ops.equal(xs, ys),
                                         "Inputs must have identical ragged splits",
                                         "assert_equal"))
    return checks


def _flat_operand(other, rt):
    """``other`` as something that broadcasts against ``rt.flat_values``."""
    other = ops.convert_to_tensor(other, dtype_hint=rt.dtype)
    inner_rank = rt.flat_values.shape.ndims
    if other.shape.ndims is None or inner_rank is None or other.shape.ndims >= inner_rank:
        raise NotImplementedError(
            "tfcompat broadcasts a dense operand against a RaggedTensor only when it has fewer "
            f"dimensions than the flat values (got shape {other.shape} against "
            f"{rt.flat_values.shape})")
    return other


def apply_binary(fn, x, y):
    """``fn`` on the flat values of ragged ``x`` and/or ``y`` (one may be dense)."""
    if _is_ragged(x) and _is_ragged(y):
        if x.ragged_rank != y.ragged_rank:
            raise ValueError("Ragged elementwise ops require both inputs to have the same "
                             "ragged_rank")
        checks = _partition_checks(x, y)
        x_flat, y_flat = x.flat_values, y.flat_values
        if checks:
            x_flat = control_flow_ops.with_dependencies(checks, x_flat)
        return x.with_flat_values(fn(x_flat, y_flat))
    if _is_ragged(x):
        return x.with_flat_values(fn(x.flat_values, _flat_operand(y, x)))
    return y.with_flat_values(fn(_flat_operand(x, y), y.flat_values))


def _binary(fn, reverse=False):
    if reverse:
        return lambda self, other: apply_binary(fn, other, self)
    return lambda self, other: apply_binary(fn, self, other)


def _unary(fn):
    return lambda self: self.with_flat_values(fn(self.flat_values))


def install(cls) -> None:
    """Adds the Python operators to ``cls`` (RaggedTensor)."""
    for name, fn in [("add", math_ops.add), ("sub", math_ops.subtract),
                     ("mul", math_ops.multiply), ("truediv", math_ops.truediv),
                     ("floordiv", math_ops.floordiv), ("mod", math_ops.floormod),
                     ("pow", math_ops.pow), ("and", math_ops.logical_and),
                     ("or", math_ops.logical_or), ("xor", math_ops.logical_xor)]:
        setattr(cls, f"__{name}__", _binary(fn))
        setattr(cls, f"__r{name}__", _binary(fn, reverse=True))
    for name, fn in [("lt", math_ops.less), ("le", math_ops.less_equal),
                     ("gt", math_ops.greater), ("ge", math_ops.greater_equal)]:
        setattr(cls, f"__{name}__", _binary(fn))
    cls.__neg__ = _unary(math_ops.negative)
    cls.__abs__ = _unary(math_ops.abs)
    cls.__invert__ = _unary(math_ops.logical_not)
