"""Shape, dtype and dense-matrix helpers shared by the LinearOperator classes.

Everything here builds graph ops (never numpy on tensor values), so gradients flow through
every operator method."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, check_ops, control_flow_ops, math_ops
from tfcompat.ops.array_extra_ops import broadcast_dynamic_shape, broadcast_static_shape
from tfcompat.ops.linalg.dense_ops import matrix_solve
from tfcompat.ops.linalg.linalg_impl import adjoint
from tfcompat.ops.math_extra_ops import conj as conj_op
from tfcompat.ops.math_extra_ops import imag
from tfcompat.ops.matrix_diag_ops import matrix_diag

FLOAT_COMPLEX = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.complex64,
                 dtypes.complex128)


def dtype_list_text(allowed) -> str:
    return "[" + ", ".join(f"tf.{d.name}" for d in allowed) + "]"


def convert_float_complex(value, name: str, dtype=None) -> Tensor:
    """``value`` as a tensor of a float or complex dtype (TF's TypeError otherwise)."""
    tensor = convert_to_tensor(value, name=name, dtype=dtype)
    if tensor.dtype.base_dtype not in FLOAT_COMPLEX:
        raise TypeError(f"Argument `{name}` must have dtype in {dtype_list_text(FLOAT_COMPLEX)}. "
                        f"Received: {tensor.dtype}.")
    return tensor


def static_value(t):
    """The constant numpy value of ``t`` when known at graph-build time, else None."""
    if isinstance(t, Tensor):
        return tensor_util.constant_value(t)
    return t


def dimension_at(shape: TensorShape, index: int) -> Dimension:
    if shape.ndims is None:
        return Dimension(None)
    return shape.dims[index] if isinstance(shape.dims[index], Dimension) else Dimension(
        shape.dims[index])


def broadcast_batch_shapes(*shapes: TensorShape) -> TensorShape:
    result = TensorShape([])
    for shape in shapes:
        result = broadcast_static_shape(result, shape)
    return result


def broadcast_batch_shape_tensors(*tensors: Tensor) -> Tensor:
    result = tensors[0]
    for t in tensors[1:]:
        result = broadcast_dynamic_shape(result, t)
    return result


def eye(num_rows, batch_shape, dtype) -> Tensor:
    """An identity matrix (static or dynamic size), batched, under an ``eye`` scope."""
    with ops.name_scope("eye"):
        if isinstance(batch_shape, TensorShape):
            batch_shape = batch_shape.as_list()
        if isinstance(num_rows, int) and isinstance(batch_shape, (list, tuple)):
            ones = array_ops.ones(list(batch_shape) + [num_rows], dtype=dtype)
        else:
            num_rows = ops.convert_to_tensor(num_rows, dtype=dtypes.int32)
            batch = ops.convert_to_tensor(batch_shape, dtype=dtypes.int32)
            shape = array_ops.concat([batch, array_ops.reshape(num_rows, [1])], 0)
            ones = array_ops.ones(shape, dtype=dtype)
        return matrix_diag(ones)


def matrix_solve_with_broadcast(matrix: Tensor, rhs: Tensor, adjoint: bool = False) -> Tensor:
    """``matrix_solve`` with the batch dims of ``matrix`` and ``rhs`` broadcast first."""
    with ops.name_scope("MatrixSolveWithBroadcast"):
        matrix, rhs = broadcast_matrix_batch_dims(matrix, rhs)
        return matrix_solve(matrix, rhs, adjoint=adjoint)


def broadcast_matrix_batch_dims(*matrices: Tensor) -> list[Tensor]:
    """Broadcasts the batch dims (all but the last two) of ``matrices`` against each other."""
    matrices = list(matrices)
    static = [m.shape[:-2] for m in matrices]
    if all(s.is_fully_defined() for s in static):
        batch = broadcast_batch_shapes(*static)
        if all(s == batch for s in static):
            return matrices
        return [m if s == batch else array_ops.broadcast_to(m, batch.concatenate(m.shape[-2:]))
                for m, s in zip(matrices, static)]
    batch = broadcast_batch_shape_tensors(*[array_ops.shape(m)[:-2] for m in matrices])
    return [array_ops.broadcast_to(m, array_ops.concat([batch, array_ops.shape(m)[-2:]], 0))
            for m in matrices]


def matrix_adjoint(t: Tensor) -> Tensor:
    return adjoint(t)


def check_dtype_matches(operators) -> None:
    dtype = operators[0].dtype
    if any(operator.dtype != dtype for operator in operators):
        found = "   ".join(f"({o.name!r}, tf.{o.dtype.name})" for o in operators)
        raise TypeError(f"Expected all operators to have the same dtype.  Found {found}")


def reduce_hint(hints) -> bool | None:
    """True when every hint is True, else None (a combination proves nothing)."""
    return True if all(h is True for h in hints) else None




def assert_no_entries_with_modulus_zero(x: Tensor, message: str, name: str =
                                        "assert_no_entries_with_modulus_zero"):
    """An assert op failing when some entry of ``x`` is zero."""
    with ops.name_scope(name):
        magnitude = modulus(x)
        zero = ops.convert_to_tensor(0, dtype=magnitude.dtype.base_dtype)
        return check_ops.assert_less(zero, magnitude, message=message)


def assert_zero_imag_part(x: Tensor, message: str, name: str = "assert_zero_imag_part"):
    """An assert op failing when some entry of ``x`` has a nonzero imaginary part (a NoOp for
    real ``x``)."""
    with ops.name_scope(name):
        if not x.dtype.is_complex:
            return control_flow_ops.no_op()
        imaginary = imag(x)
        return check_ops.assert_equal(array_ops.zeros_like(imaginary), imaginary,
                                      message=message)


def conj(x: Tensor) -> Tensor:
    """The complex conjugate (``x`` itself, no op, for real dtypes)."""
    if not x.dtype.is_complex:
        return x
    return conj_op(x)


def matmul(a: Tensor, b: Tensor, adjoint_a: bool = False, adjoint_b: bool = False) -> Tensor:
    """``math_ops.matmul`` with adjoints (conjugating complex operands, as TF's does)."""
    return math_ops.matmul(a, b, adjoint_a=adjoint_a, adjoint_b=adjoint_b)


def modulus(x: Tensor) -> Tensor:
    """``|x|`` (ComplexAbs for complex ``x``, as TF's ``abs``)."""
    return math_ops.abs(x)
