"""Math ops: elementwise arithmetic, comparisons, casts, matmul, reductions, and their gradients.

Also attaches Python operators (``+``, ``*``, ``<``, ``@``...) to Tensor with TF's op names.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import (
    NOT_DIFFERENTIABLE,
    RegisterGradient,
    no_gradient,
    register_op,
)
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, merge_error, unknown_shape
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.math_grad_util import binary_op_grads, reduce_to_shape_of
from tfcompat.ops.op_helpers import (
    FLOAT_COMPLEX,
    FLOATS,
    INDEX_TYPES,
    NUMBERS,
    REAL_NUMBERS,
    binary_op,
    comparison_op,
    unary_op,
)

_SHAPE = TensorShape._from_tuple


def _same_static_shape(*tensors) -> bool:
    first = tensors[0].shape
    return first.is_fully_defined() and all(t.shape == first for t in tensors[1:])


# ---- unary elementwise -----------------------------------------------------------------------

def _sigmoid(x):
    x = np.asarray(x)
    with np.errstate(over="ignore"):
        return (1 / (1 + np.exp(-x))).astype(x.dtype, copy=False)


def _rsqrt(x):
    x = np.asarray(x)
    return (1 / np.sqrt(x)).astype(x.dtype, copy=False)


def _reciprocal(x):
    x = np.asarray(x)
    return (1 / x).astype(x.dtype, copy=False) if x.dtype.kind != "i" else np.floor_divide(1, x)


negative = unary_op("Neg", np.negative, NUMBERS, "Computes numerical negative value element-wise.")
abs = unary_op("Abs", np.abs, REAL_NUMBERS, "Computes the absolute value of a tensor.")  # noqa: A001
sign = unary_op("Sign", np.sign, NUMBERS, "Returns an element-wise indication of the sign.")
square = unary_op("Square", np.square, NUMBERS, "Computes square of x element-wise.")
sqrt = unary_op("Sqrt", np.sqrt, FLOAT_COMPLEX, "Computes square root of x element-wise.")
rsqrt = unary_op("Rsqrt", _rsqrt, FLOAT_COMPLEX, "Computes reciprocal of square root of x.")
exp = unary_op("Exp", np.exp, FLOAT_COMPLEX, "Computes exponential of x element-wise.")
log = unary_op("Log", np.log, FLOAT_COMPLEX, "Computes natural logarithm of x element-wise.")
log1p = unary_op("Log1p", np.log1p, FLOAT_COMPLEX, "Computes natural logarithm of (1 + x).")
expm1 = unary_op("Expm1", np.expm1, FLOAT_COMPLEX, "Computes exp(x) - 1 element-wise.")
sin = unary_op("Sin", np.sin, FLOAT_COMPLEX, "Computes sine of x element-wise.")
cos = unary_op("Cos", np.cos, FLOAT_COMPLEX, "Computes cos of x element-wise.")
tanh = unary_op("Tanh", np.tanh, FLOAT_COMPLEX, "Computes hyperbolic tangent of x element-wise.")
sigmoid = unary_op("Sigmoid", _sigmoid, FLOAT_COMPLEX, "Computes sigmoid of x element-wise.")
reciprocal = unary_op("Reciprocal", _reciprocal, NUMBERS, "Computes the reciprocal of x.")
floor = unary_op("Floor", np.floor, FLOATS, "Returns element-wise largest integer <= x.",
                 grad=NOT_DIFFERENTIABLE)
ceil = unary_op("Ceil", np.ceil, FLOATS, "Returns element-wise smallest integer >= x.",
                grad=NOT_DIFFERENTIABLE)
round = unary_op("Round", np.round, NUMBERS, "Rounds half to even, element-wise.",  # noqa: A001
                 grad=NOT_DIFFERENTIABLE)
logical_not = unary_op("LogicalNot", np.logical_not, (dtypes.bool_,),
                       "Returns the truth value of NOT x element-wise.", grad=NOT_DIFFERENTIABLE)


def _grad_op(op_type: str, kernel) -> None:
    """Registers a fused gradient op ``z = kernel(y, dy)`` (TF's SqrtGrad, TanhGrad...)."""
    register_op(op_type, inputs=("y: T", "dy: T"), kernel=kernel, shape_fn=unchanged_shape,
                allowed={"T": FLOAT_COMPLEX})


def _typed(fn):
    def kernel(y, dy):
        y = np.asarray(y)
        return np.asarray(fn(y, np.asarray(dy))).astype(y.dtype, copy=False)
    return kernel


_grad_op("SqrtGrad", _typed(lambda y, dy: dy * 0.5 / y))
_grad_op("RsqrtGrad", _typed(lambda y, dy: dy * -0.5 * y * y * y))
_grad_op("TanhGrad", _typed(lambda y, dy: dy * (1 - y * y)))
_grad_op("SigmoidGrad", _typed(lambda y, dy: dy * y * (1 - y)))
_grad_op("ReciprocalGrad", _typed(lambda y, dy: -dy * y * y))


@RegisterGradient("Neg")
def _neg_grad(op, grad):
    return -grad


@RegisterGradient("Abs")
def _abs_grad(op, grad):
    return grad * sign(op.inputs[0])


@RegisterGradient("Sign")
def _sign_grad(op, grad):
    return array_ops.zeros_like(op.inputs[0])


@RegisterGradient("Square")
def _square_grad(op, grad):
    x = op.inputs[0]
    return multiply(grad, multiply(x, constant_op.constant(2.0, dtype=x.dtype)))


@RegisterGradient("Sqrt")
def _sqrt_grad(op, grad):
    return apply_op("SqrtGrad", [op.outputs[0], grad])


@RegisterGradient("Rsqrt")
def _rsqrt_grad(op, grad):
    return apply_op("RsqrtGrad", [op.outputs[0], grad])


@RegisterGradient("Exp")
def _exp_grad(op, grad):
    return grad * op.outputs[0]


@RegisterGradient("Expm1")
def _expm1_grad(op, grad):
    return grad * exp(op.inputs[0])


@RegisterGradient("Log")
def _log_grad(op, grad):
    return grad * reciprocal(op.inputs[0])


@RegisterGradient("Log1p")
def _log1p_grad(op, grad):
    x = op.inputs[0]
    return grad * reciprocal(1 + x)


@RegisterGradient("Sin")
def _sin_grad(op, grad):
    return grad * cos(op.inputs[0])


@RegisterGradient("Cos")
def _cos_grad(op, grad):
    return -grad * sin(op.inputs[0])


@RegisterGradient("Tanh")
def _tanh_grad(op, grad):
    return apply_op("TanhGrad", [op.outputs[0], grad])


@RegisterGradient("Sigmoid")
def _sigmoid_grad(op, grad):
    return apply_op("SigmoidGrad", [op.outputs[0], grad])


@RegisterGradient("Reciprocal")
def _reciprocal_grad(op, grad):
    return apply_op("ReciprocalGrad", [op.outputs[0], grad])


@RegisterGradient("SqrtGrad")
def _sqrt_grad_grad(op, grad):
    y, dy = op.inputs
    z = op.outputs[0]
    ga = grad / y
    return -ga * z, 0.5 * ga


@RegisterGradient("RsqrtGrad")
def _rsqrt_grad_grad(op, grad):
    y, dy = op.inputs
    return -1.5 * grad * dy * square(y), apply_op("RsqrtGrad", [y, grad])


@RegisterGradient("TanhGrad")
def _tanh_grad_grad(op, grad):
    y, dy = op.inputs
    return grad * -2.0 * dy * y, apply_op("TanhGrad", [y, grad])


@RegisterGradient("SigmoidGrad")
def _sigmoid_grad_grad(op, grad):
    y, dy = op.inputs
    return dy * grad * (1.0 - 2.0 * y), apply_op("SigmoidGrad", [y, grad])


@RegisterGradient("ReciprocalGrad")
def _reciprocal_grad_grad(op, grad):
    y, dy = op.inputs
    return -2.0 * grad * dy * y, apply_op("ReciprocalGrad", [y, grad])


# ---- binary elementwise ----------------------------------------------------------------------

def _floordiv_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.dtype.kind in "iu" and np.any(y == 0):
        raise errors.InvalidArgumentError(None, None, "Integer division by zero")
    return np.floor_divide(x, y)


def _floormod_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.dtype.kind in "iu" and np.any(y == 0):
        raise errors.InvalidArgumentError(None, None, "Integer division by zero")
    return np.mod(x, y)


def _pow_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.dtype.kind in "iu" and np.any(y < 0):
        raise errors.InvalidArgumentError(
            None, None, "Integers to negative integer powers are not allowed")
    return np.power(x, y)


def _squared_difference(x, y):
    d = np.subtract(x, y)
    return d * np.conj(d) if np.iscomplexobj(d) else d * d


add_v2 = binary_op("AddV2", np.add, NUMBERS, "Returns x + y element-wise.")
subtract = binary_op("Sub", np.subtract, NUMBERS, "Returns x - y element-wise.")
multiply = binary_op("Mul", np.multiply, NUMBERS, "Returns x * y element-wise.")
real_div = binary_op("RealDiv", np.true_divide, FLOAT_COMPLEX, "Returns x / y for real types.")
floor_div = binary_op("FloorDiv", _floordiv_kernel, REAL_NUMBERS,
                      "Divides x / y elementwise, rounding toward the most negative integer.")
floormod = binary_op("FloorMod", _floormod_kernel, REAL_NUMBERS,
                     "Returns element-wise remainder of division (Python semantics).")
pow = binary_op("Pow", _pow_kernel, NUMBERS, "Computes x ** y element-wise.")  # noqa: A001
maximum = binary_op("Maximum", np.maximum, REAL_NUMBERS, "Returns max(x, y) element-wise.")
minimum = binary_op("Minimum", np.minimum, REAL_NUMBERS, "Returns min(x, y) element-wise.")
squared_difference = binary_op("SquaredDifference", _squared_difference, NUMBERS,
                               "Returns (x - y)(x - y) element-wise.")
logical_and = binary_op("LogicalAnd", np.logical_and, (dtypes.bool_,),
                        "Returns the truth value of x AND y element-wise.")
logical_or = binary_op("LogicalOr", np.logical_or, (dtypes.bool_,),
                       "Returns the truth value of x OR y element-wise.")
mod = floormod
for _type in ("FloorDiv", "LogicalAnd", "LogicalOr"):
    no_gradient(_type)


def add(x, y, name=None) -> Tensor:
    """Returns x + y element-wise (an AddV2 op named ``Add``)."""
    return apply_op("AddV2", [x, y], name=name or "Add")


def _fast_path(op, grad) -> bool:
    """TF skips broadcast reduction when x, y and grad have the same, fully known shape."""
    x, y = op.inputs
    return (isinstance(grad, Tensor) and _same_static_shape(x, y, grad)
            and grad.dtype.base_dtype in (dtypes.int32, dtypes.float32))


@RegisterGradient("AddV2")
def _add_grad(op, grad):
    return binary_op_grads(op, grad, grad, grad)


@RegisterGradient("Sub")
def _sub_grad(op, grad):
    return binary_op_grads(op, grad, grad, lambda: -grad)


@RegisterGradient("Mul")
def _mul_grad(op, grad):
    x, y = op.inputs
    if _fast_path(op, grad):
        return multiply(grad, y), multiply(grad, x)
    return binary_op_grads(op, grad, lambda: multiply(grad, y), lambda: multiply(x, grad))


@RegisterGradient("RealDiv")
def _real_div_grad(op, grad):
    x, y = op.inputs
    return binary_op_grads(op, grad, lambda: real_div(grad, y),
                           lambda: grad * real_div(real_div(-x, y), y))


@RegisterGradient("FloorMod")
def _floor_mod_grad(op, grad):
    x, y = op.inputs
    return binary_op_grads(op, grad, grad, lambda: grad * negative(floordiv(x, y)))


@RegisterGradient("Pow")
def _pow_grad(op, grad):
    x, y = op.inputs
    z = op.outputs[0]

    def grad_y():
        mask = x > 0
        safe_x = array_ops.select(mask, x, array_ops.ones_like(x))
        log_x = array_ops.select(mask, log(safe_x), array_ops.zeros_like(x))
        return grad * z * log_x
    return binary_op_grads(op, grad, lambda: grad * y * pow(x, y - 1), grad_y)


def _max_min_grad(op, grad, selector):
    x, y = op.inputs
    xmask = _broadcast_like(selector(x, y), grad)
    zeros_ = array_ops.zeros_like(grad)
    return binary_op_grads(op, grad, lambda: array_ops.select(xmask, grad, zeros_),
                           lambda: array_ops.select(xmask, zeros_, grad))


def _broadcast_like(mask, grad):
    if mask.shape.is_fully_defined() and mask.shape == grad.shape:
        return mask
    return array_ops.broadcast_to(mask, array_ops.shape(grad))


@RegisterGradient("Maximum")
def _maximum_grad(op, grad):
    return _max_min_grad(op, grad, greater_equal)


@RegisterGradient("Minimum")
def _minimum_grad(op, grad):
    return _max_min_grad(op, grad, less_equal)


@RegisterGradient("SquaredDifference")
def _squared_difference_grad(op, grad):
    x, y = op.inputs
    x_grad = multiply(constant_op.constant(2.0, dtype=grad.dtype), grad) * (x - y)
    return binary_op_grads(op, grad, x_grad, lambda: -x_grad)


def floordiv(x, y, name=None) -> Tensor:
    """Divides x / y elementwise, rounding toward the most negative integer."""
    with ops.name_scope(name, "floordiv", [x, y]) as scope:
        return floor_div(x, y, name=scope)


def divide(x, y, name=None) -> Tensor:
    """Computes Python style division of x by y (``tf.divide``)."""
    if name is not None:
        with ops.name_scope(name) as scope:
            return truediv(x, y, name=scope)
    return truediv(x, y)


_TRUEDIV_TARGET = {
    dtypes.uint8: dtypes.float32, dtypes.int8: dtypes.float32, dtypes.uint16: dtypes.float32,
    dtypes.int16: dtypes.float32, dtypes.int32: dtypes.float64, dtypes.int64: dtypes.float64,
}


def truediv(x, y, name=None) -> Tensor:
    """Divides x / y elementwise; integers are first cast to float (``tf.truediv``)."""
    with ops.name_scope(name, "truediv", [x, y]) as scope:
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y", dtype_hint=x.dtype.base_dtype)
        x_dtype, y_dtype = x.dtype.base_dtype, y.dtype.base_dtype
        if x_dtype is not y_dtype:
            raise TypeError(f"`x` and `y` must have the same dtype, got {x_dtype!r} != "
                            f"{y_dtype!r}.")
        target = _TRUEDIV_TARGET.get(x_dtype)
        if target is not None:
            x = cast(x, target)
            y = cast(y, target)
        return real_div(x, y, name=scope)


def div(x, y, name=None) -> Tensor:
    """TF1 division: Python-2 style (floor) for integers, true division for floats."""
    with ops.name_scope(name, "div", [x, y]) as scope:
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y", dtype=x.dtype.base_dtype)
        if x.dtype.base_dtype.is_floating or x.dtype.base_dtype.is_complex:
            return real_div(x, y, name=scope)
        return floor_div(x, y, name=scope)


def logical_xor(x, y, name="LogicalXor") -> Tensor:
    """Logical XOR as ``(x | y) & ~(x & y)`` (TF builds it from those ops)."""
    return logical_and(logical_or(x, y), logical_not(logical_and(x, y)), name=name)


def scalar_mul(scalar, x, name=None) -> Tensor:
    with ops.name_scope(name, "scalar_mul", [x]) as scope:
        return multiply(scalar, x, name=scope)


# ---- comparisons ------------------------------------------------------------------------------

equal = comparison_op("Equal", np.equal, None, {"incompatible_shape_error": True})
not_equal = comparison_op("NotEqual", np.not_equal, None, {"incompatible_shape_error": True})
less = comparison_op("Less", np.less)
less_equal = comparison_op("LessEqual", np.less_equal)
greater = comparison_op("Greater", np.greater)
greater_equal = comparison_op("GreaterEqual", np.greater_equal)


# ---- cast ------------------------------------------------------------------------------------

def _cast_kernel(x, DstT):  # noqa: N803 - TF's attr name
    x = np.asarray(x)
    target = DstT.as_numpy_dtype
    if DstT is dtypes.string:
        raise errors.UnimplementedError(None, None, "Cast to string is not supported")
    if x.dtype.kind == "f" and np.dtype(target).kind in "iu":
        with np.errstate(invalid="ignore"):
            return np.trunc(x).astype(target)
    return x.astype(target)


register_op("Cast", inputs=("x: SrcT",), kernel=_cast_kernel, kernel_attrs=("DstT",),
            shape_fn=lambda op: [(op._attrs["DstT"], op.inputs[0].shape)],
            attr_defaults={"Truncate": False})


@RegisterGradient("Cast")
def _cast_grad(op, grad):
    src = op.inputs[0].dtype.base_dtype
    dst = op._attrs["DstT"]
    differentiable = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.bfloat16,
                      dtypes.complex64, dtypes.complex128)
    if src in differentiable and dst in differentiable:
        return cast(grad, src)
    return None


def cast(x, dtype, name=None) -> Tensor:
    """Casts a tensor to a new type (``tf.cast``); float to int truncates toward zero."""
    base = dtypes.as_dtype(dtype).base_dtype
    if isinstance(x, Tensor) and x.dtype.base_dtype is base:
        return x
    with ops.name_scope(name, "Cast", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        if x.dtype.base_dtype is base:
            return x
        return apply_op("Cast", [x], name=scope, attrs={"DstT": base})


def to_float(x, name="ToFloat") -> Tensor:
    return cast(x, dtypes.float32, name=name)


def to_double(x, name="ToDouble") -> Tensor:
    return cast(x, dtypes.float64, name=name)


def to_int32(x, name="ToInt32") -> Tensor:
    return cast(x, dtypes.int32, name=name)


def to_int64(x, name="ToInt64") -> Tensor:
    return cast(x, dtypes.int64, name=name)


# ---- matmul ----------------------------------------------------------------------------------

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


def _matmul_kernel(a, b, transpose_a, transpose_b):
    a = np.asarray(a)
    b = np.asarray(b)
    if transpose_a:
        a = a.T
    if transpose_b:
        b = b.T
    if a.shape[1] != b.shape[0]:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: [{a.shape[0]},{a.shape[1]}], "
            f"In[1]: [{b.shape[0]},{b.shape[1]}]")
    return np.matmul(a, b)


register_op("MatMul", inputs=("a: T", "b: T"), kernel=_matmul_kernel,
            kernel_attrs=("transpose_a", "transpose_b"), shape_fn=_matmul_shape,
            allowed={"T": NUMBERS},
            attr_defaults={"transpose_a": False, "transpose_b": False, "grad_a": False,
                           "grad_b": False})


def _mat_mul(a, b, transpose_a=False, transpose_b=False, name=None, **grad_flags):
    return apply_op("MatMul", [a, b], name=name,
                    attrs={"transpose_a": transpose_a, "transpose_b": transpose_b, **grad_flags})


@RegisterGradient("MatMul")
def _matmul_grad(op, grad):
    a, b = op.inputs
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
    from tfcompat.framework.common_shapes import broadcast_shape
    batch = broadcast_shape(_SHAPE(dx[:-2]), _SHAPE(dy[:-2]))
    return [(x.dtype.base_dtype, batch.concatenate(_SHAPE((m, n))))]


def _batch_matmul_kernel(x, y, adj_x, adj_y):
    x, y = np.asarray(x), np.asarray(y)
    if adj_x:
        x = np.conj(np.swapaxes(x, -1, -2))
    if adj_y:
        y = np.conj(np.swapaxes(y, -1, -2))
    try:
        return np.matmul(x, y)
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: {list(x.shape)}, "
            f"In[1]: {list(y.shape)}") from None


register_op("BatchMatMulV2", inputs=("x: T", "y: T"), kernel=_batch_matmul_kernel,
            kernel_attrs=("adj_x", "adj_y"), shape_fn=_batch_matmul_shape,
            allowed={"T": NUMBERS},
            attr_defaults={"adj_x": False, "adj_y": False, "grad_x": False, "grad_y": False})


def _batch_mat_mul(x, y, adj_x=False, adj_y=False, name=None):
    return apply_op("BatchMatMulV2", [x, y], name=name, attrs={"adj_x": adj_x, "adj_y": adj_y})


@RegisterGradient("BatchMatMulV2")
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


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, name=None) -> Tensor:
    """Matrix product of a and b; batched (BatchMatMulV2) when either has rank > 2."""
    del a_is_sparse, b_is_sparse, output_type
    with ops.name_scope(name, "MatMul", [a, b]) as scope:
        a = convert_to_tensor(a, name="a")
        b = convert_to_tensor(b, name="b", dtype_hint=a.dtype.base_dtype)
        if (a.shape.ndims is None or a.shape.ndims > 2) or (
                b.shape.ndims is None or b.shape.ndims > 2):
            return _batch_mat_mul(a, b, adj_x=bool(adjoint_a or transpose_a),
                                  adj_y=bool(adjoint_b or transpose_b), name=scope)
        return _mat_mul(a, b, transpose_a=bool(transpose_a or adjoint_a),
                        transpose_b=bool(transpose_b or adjoint_b), name=scope)


# ---- reductions ------------------------------------------------------------------------------

def _reduction_shape(op):
    x, axes_t = op.inputs
    keep = op._attrs["keep_dims"]
    dtype = x.dtype.base_dtype
    axes = tensor_util.constant_value(axes_t)
    rank_ = x.shape.ndims
    if axes is None:
        if keep and rank_ is not None:
            return [(dtype, unknown_shape(rank_))]
        return [(dtype, unknown_shape())]
    axes = [int(a) for a in np.asarray(axes).reshape(-1)]
    if rank_ is None:
        return [(dtype, unknown_shape())]
    norm = set()
    for a in axes:
        if a < -rank_ or a >= rank_:
            raise ShapeError(f"Invalid reduction dimension {a} for input with {rank_} "
                             "dimensions.")
        norm.add(a % rank_)
    dims = x.shape.as_tuple()
    if keep:
        out = tuple(1 if i in norm else d for i, d in enumerate(dims))
    else:
        out = tuple(d for i, d in enumerate(dims) if i not in norm)
    return [(dtype, _SHAPE(out))]


def _reduction_kernel(np_fn, integer_mean=False):
    def kernel(x, axes, keep_dims):
        x = np.asarray(x)
        axes = tuple(int(a) % max(x.ndim, 1) for a in np.asarray(axes).reshape(-1))
        if integer_mean and x.dtype.kind in "iu":
            count = int(np.prod([x.shape[a] for a in axes], dtype=np.int64)) or 1
            total = np.sum(x, axis=axes, keepdims=keep_dims, dtype=np.int64)
            return np.asarray(np.trunc(total / count)).astype(x.dtype)
        if x.ndim == 0:
            return x
        return np.asarray(np_fn(x, axes, keep_dims)).astype(x.dtype, copy=False)
    return kernel


def _np_max(x, axes, keep):
    if x.size == 0:
        return np.full(_kept_shape(x, axes, keep), _lowest(x.dtype), x.dtype)
    return np.max(x, axis=axes, keepdims=keep)


def _np_min(x, axes, keep):
    if x.size == 0:
        return np.full(_kept_shape(x, axes, keep), _highest(x.dtype), x.dtype)
    return np.min(x, axis=axes, keepdims=keep)


def _kept_shape(x, axes, keep):
    return tuple(1 if i in axes else d for i, d in enumerate(x.shape) if keep or i not in axes)


def _lowest(dtype):
    return -np.inf if dtype.kind == "f" else np.iinfo(dtype).min


def _highest(dtype):
    return np.inf if dtype.kind == "f" else np.iinfo(dtype).max


_REDUCTIONS = {
    "Sum": (_reduction_kernel(lambda x, a, k: np.sum(x, axis=a, keepdims=k, dtype=x.dtype)),
            NUMBERS),
    "Mean": (_reduction_kernel(lambda x, a, k: np.mean(x, axis=a, keepdims=k, dtype=x.dtype),
                               integer_mean=True), NUMBERS),
    "Prod": (_reduction_kernel(lambda x, a, k: np.prod(x, axis=a, keepdims=k, dtype=x.dtype)),
             NUMBERS),
    "Max": (_reduction_kernel(_np_max), REAL_NUMBERS),
    "Min": (_reduction_kernel(_np_min), REAL_NUMBERS),
    "Any": (_reduction_kernel(lambda x, a, k: np.any(x, axis=a, keepdims=k)), (dtypes.bool_,)),
    "All": (_reduction_kernel(lambda x, a, k: np.all(x, axis=a, keepdims=k)), (dtypes.bool_,)),
}
for _type, (_kernel, _allowed) in _REDUCTIONS.items():
    _bool_only = _allowed == (dtypes.bool_,)
    register_op(_type, inputs=("input: bool" if _bool_only else "input: T",
                               "reduction_indices: Tidx"), kernel=_kernel,
                kernel_attrs=("keep_dims",), shape_fn=_reduction_shape,
                allowed={"Tidx": INDEX_TYPES} if _bool_only else {"T": _allowed,
                                                                  "Tidx": INDEX_TYPES},
                type_defaults={"Tidx": dtypes.int32}, attr_defaults={"keep_dims": False},
                value_inputs=(1,))
no_gradient("Any")
no_gradient("All")


def _reduction_axes(x: Tensor, axis):
    """The reduction axes input: given axes, or all axes (a Const, or Range when rank unknown)."""
    if axis is not None:
        return axis
    if x.shape.ndims:  # TF builds Rank/range for scalars too
        return constant_op.constant(np.arange(x.shape.ndims, dtype=np.int32))
    return range(0, array_ops.rank(x), 1)


def _reduce(op_type: str, input_tensor, axis, keepdims, name, reduction_indices, keep_dims):
    keepdims = deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims)
    axis = deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)
    x = convert_to_tensor(input_tensor)
    return apply_op(op_type, [x, _reduction_axes(x, axis)], name=name,
                    attrs={"keep_dims": bool(keepdims)})


def _reduction_function(op_type: str, doc: str):
    def reduce(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None,
               keep_dims=None) -> Tensor:
        return _reduce(op_type, input_tensor, axis, keepdims, name, reduction_indices, keep_dims)
    reduce.__doc__ = doc
    return reduce


reduce_sum = _reduction_function("Sum", "Computes the sum of elements across dimensions.")
reduce_mean = _reduction_function("Mean", "Computes the mean of elements across dimensions.")
reduce_max = _reduction_function("Max", "Computes the maximum of elements across dimensions.")
reduce_min = _reduction_function("Min", "Computes the minimum of elements across dimensions.")
reduce_prod = _reduction_function("Prod", "Computes the product of elements across dimensions.")
reduce_any = _reduction_function("Any", "Computes logical OR of elements across dimensions.")
reduce_all = _reduction_function("All", "Computes logical AND of elements across dimensions.")
for _fn, _name in [(reduce_sum, "reduce_sum"), (reduce_mean, "reduce_mean"),
                   (reduce_max, "reduce_max"), (reduce_min, "reduce_min"),
                   (reduce_prod, "reduce_prod"), (reduce_any, "reduce_any"),
                   (reduce_all, "reduce_all")]:
    _fn.__name__ = _fn.__qualname__ = _name


def _kept_dims_shape(op):
    """Static or dynamic shape of the reduction output with reduced dims kept as 1."""
    x, axes_t = op.inputs
    axes = tensor_util.constant_value(axes_t)
    if axes is not None and x.shape.is_fully_defined():
        dims = list(x.shape.as_tuple())
        for a in np.asarray(axes).reshape(-1):
            dims[int(a) % len(dims)] = 1
        return dims, x.shape.as_list()
    input_shape = array_ops.shape(x)
    rank_ = array_ops.rank(x)
    axes_mod = floormod(cast(axes_t, dtypes.int32), rank_)
    positions = range(0, rank_, 1)
    hit = reduce_any(equal(array_ops.expand_dims(positions, 1),
                           array_ops.reshape(axes_mod, [1, -1])), axis=1)
    kept = array_ops.select(hit, array_ops.ones_like(input_shape), input_shape)
    return kept, input_shape


@RegisterGradient("Sum")
def _sum_grad(op, grad):
    kept, input_shape = _kept_dims_shape(op)
    grad = array_ops.reshape(grad, kept)
    if isinstance(input_shape, list):
        multiples = [i // k if k else i for i, k in zip(input_shape, kept)]
        return [tile(grad, multiples), None]
    return [array_ops.broadcast_to(grad, input_shape), None]


@RegisterGradient("Mean")
def _mean_grad(op, grad):
    sum_grad = _sum_grad(op, grad)[0]
    x, y = op.inputs[0], op.outputs[0]
    if x.shape.is_fully_defined() and y.shape.is_fully_defined():
        factor = max(x.shape.num_elements() // max(y.shape.num_elements(), 1), 1)
        return [real_div(sum_grad, cast(factor, sum_grad.dtype)), None]
    input_size = array_ops.size(x)
    output_size = array_ops.size(y)
    factor = maximum(floordiv(input_size, maximum(output_size, 1)), 1)
    return [real_div(sum_grad, cast(factor, sum_grad.dtype)), None]


def _min_or_max_grad(op, grad):
    x = op.inputs[0]
    kept, _ = _kept_dims_shape(op)
    y = array_ops.reshape(op.outputs[0], kept)
    grad = array_ops.reshape(grad, kept)
    indicators = cast(equal(y, x), grad.dtype)
    num_selected = array_ops.reshape(reduce_sum(indicators, op.inputs[1]), kept)
    return [multiply(divide(indicators, num_selected), grad), None]


RegisterGradient("Max")(_min_or_max_grad)
RegisterGradient("Min")(_min_or_max_grad)


@RegisterGradient("Prod")
def _prod_grad(op, grad):
    # d(prod)/dx_i is the product of all other elements of x_i's reduction group: computed
    # without division (so zeros are handled) as exclusive cumulative products from the left
    # and from the right, after moving the reduced axes to the front and flattening them.
    from tfcompat.ops import slicing_ops
    x, axes_t = op.inputs
    kept, input_shape = _kept_dims_shape(op)
    grad = array_ops.broadcast_to(array_ops.reshape(grad, kept), array_ops.shape(x))
    rank_ = array_ops.rank(x)
    reduced = floormod(cast(array_ops.reshape(axes_t, [-1]), dtypes.int32), rank_)
    idx = range(0, rank_, 1)
    other, _ = slicing_ops.list_diff(idx, reduced)
    perm = array_ops.concat([reduced, other], 0)
    shape_x = array_ops.shape(x)
    reduced_num = reduce_prod(slicing_ops.gather(shape_x, reduced))
    other_num = reduce_prod(slicing_ops.gather(shape_x, other))
    permuted = array_ops.transpose(x, perm)
    permuted_shape = array_ops.shape(permuted)
    flat = array_ops.reshape(permuted, array_ops.stack([reduced_num, other_num]))
    left = slicing_ops.cumprod(flat, axis=0, exclusive=True)
    right = slicing_ops.cumprod(flat, axis=0, exclusive=True, reverse=True)
    others = array_ops.reshape(left * right, permuted_shape)
    y = array_ops.transpose(others, array_ops.invert_permutation(perm))
    return [grad * y, None]


# ---- argmax / argmin -------------------------------------------------------------------------

def _arg_shape(op):
    x, axis_t = op.inputs
    out_type = op._attrs["output_type"]
    axis = tensor_util.constant_value(axis_t)
    if x.shape.ndims is None:
        return [(out_type, unknown_shape())]
    rank_ = x.shape.ndims
    if axis is None:
        return [(out_type, unknown_shape(max(rank_ - 1, 0)))]
    axis = int(axis)
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Dimension ({axis}) must be in the range [{-rank_}, {rank_}), where "
                         f"{rank_} is the number of dimensions in the input.")
    axis %= rank_
    dims = x.shape.as_tuple()
    return [(out_type, _SHAPE(dims[:axis] + dims[axis + 1:]))]


def _arg_kernel(np_fn):
    def kernel(x, axis, output_type):
        x = np.asarray(x)
        if x.size == 0:
            raise errors.InvalidArgumentError(
                None, None, "Reduction axis 0 is empty in shape " + str(list(x.shape)))
        return np_fn(x, axis=int(axis)).astype(output_type.as_numpy_dtype)
    return kernel


register_op("ArgMax", inputs=("input: T", "dimension: Tidx"), kernel=_arg_kernel(np.argmax),
            kernel_attrs=("output_type",), shape_fn=_arg_shape,
            allowed={"T": REAL_NUMBERS + (dtypes.bool_,), "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32}, value_inputs=(1,))
register_op("ArgMin", inputs=("input: T", "dimension: Tidx"), kernel=_arg_kernel(np.argmin),
            kernel_attrs=("output_type",), shape_fn=_arg_shape,
            allowed={"T": REAL_NUMBERS + (dtypes.bool_,), "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32}, value_inputs=(1,))
no_gradient("ArgMax")
no_gradient("ArgMin")


def _arg(op_type, input, axis, name, dimension, output_type):  # noqa: A002
    axis = deprecated_argument_lookup("axis", axis, "dimension", dimension)
    if axis is None:
        axis = 0
    return apply_op(op_type, [input, axis], name=name,
                    attrs={"output_type": dtypes.as_dtype(output_type)})


def argmax(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    """Index of the largest value across an axis (``dimension`` is the TF1 alias)."""
    return _arg("ArgMax", input, axis, name, dimension, output_type)


def argmin(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    """Index of the smallest value across an axis (``dimension`` is the TF1 alias)."""
    return _arg("ArgMin", input, axis, name, dimension, output_type)


# ---- add_n, range, where, clip ---------------------------------------------------------------

def _add_n_shape(op):
    merged = unknown_shape()
    for t in op.inputs:
        if not merged.is_compatible_with(t.shape):
            raise ShapeError(f"Shapes must be equal rank, but are {merged.ndims} and "
                             f"{t.shape.ndims}" if merged.ndims != t.shape.ndims else
                             f"Dimension mismatch: {merged} vs {t.shape}")
        merged = merged.merge_with(t.shape)
    return [(op.inputs[0].dtype.base_dtype, merged)]


def _add_n_kernel(*values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return np.array(total, copy=True) if len(values) == 1 else total


register_op("AddN", inputs=("inputs: N*T",), kernel=_add_n_kernel, shape_fn=_add_n_shape,
            allowed={"T": NUMBERS})


@RegisterGradient("AddN")
def _add_n_grad(op, grad):
    return [grad] * len(op.inputs)


def add_n(inputs, name=None) -> Tensor:
    """Adds all input tensors element-wise (``tf.add_n``)."""
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with "
                         "the same dtype and shape.")
    if len(inputs) == 1:
        if name:
            return array_ops.identity(inputs[0], name=name)
        return convert_to_tensor(inputs[0])
    tensors = [convert_to_tensor(t) for t in inputs]
    merged = tensors[0].shape
    for t in tensors[1:]:
        if not merged.is_compatible_with(t.shape):
            raise ValueError(merge_error(merged, t.shape))
        merged = merged.merge_with(t.shape)
    return apply_op("AddN", [tensors], name=name)


def _range_shape(op):
    start, limit, delta = (tensor_util.constant_value(t) for t in op.inputs)
    dtype = op.inputs[0].dtype.base_dtype
    if start is None or limit is None or delta is None:
        return [(dtype, unknown_shape(1))]
    if delta == 0:
        raise ShapeError("Requires delta != 0")
    n = int(np.ceil((float(limit) - float(start)) / float(delta)))
    return [(dtype, _SHAPE((max(n, 0),)))]


def _range_kernel(start, limit, delta):
    if delta == 0:
        raise errors.InvalidArgumentError(None, None, "Requires delta != 0: 0")
    dtype = np.asarray(start).dtype
    return np.arange(start, limit, delta).astype(dtype)


register_op("Range", inputs=("start: Tidx", "limit: Tidx", "delta: Tidx"),
            kernel=_range_kernel, shape_fn=_range_shape,
            allowed={"Tidx": (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64,
                              dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64,
                              dtypes.uint16, dtypes.uint32)})
no_gradient("Range")

_RANGE_DTYPE_ORDER = [dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64]


def range(start, limit=None, delta=1, dtype=None, name="range") -> Tensor:  # noqa: A001
    """A sequence of numbers from start to limit by delta (``tf.range``)."""
    if limit is None:
        start, limit = 0, start
    with ops.name_scope(name, "Range", [start, limit, delta]) as scope:
        start = convert_to_tensor(start, dtype=dtype, name="start")
        limit = convert_to_tensor(limit, dtype=dtype, name="limit")
        delta = convert_to_tensor(delta, dtype=dtype, name="delta")
        if dtype is None:
            candidates = [start.dtype.base_dtype, limit.dtype.base_dtype, delta.dtype.base_dtype]
            inferred = max(candidates, key=lambda d: _RANGE_DTYPE_ORDER.index(d)
                           if d in _RANGE_DTYPE_ORDER else -1)
            start, limit, delta = (cast(t, inferred) for t in (start, limit, delta))
        return apply_op("Range", [start, limit, delta], name=scope)


def _where_shape(op):
    x = op.inputs[0]
    rank_ = x.shape.ndims
    return [(dtypes.int64, _SHAPE((None, rank_)))]


register_op("Where", inputs=("input: T",),
            kernel=lambda x: np.argwhere(np.asarray(x)).astype(np.int64),
            shape_fn=_where_shape)
no_gradient("Where")


def where(condition, x=None, y=None, name=None) -> Tensor:
    """TF1 ``tf.where``: coordinates of true elements, or Select(condition, x, y)."""
    if x is None and y is None:
        with ops.name_scope(name, "Where", [condition]) as scope:
            condition = convert_to_tensor(condition, preferred_dtype=dtypes.bool_,
                                          name="condition")
            return apply_op("Where", [condition], name=scope)
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    return array_ops.select(condition, x, y, name=name)


def where_v2(condition, x=None, y=None, name=None) -> Tensor:
    """TF2 ``tf.where``: broadcasting SelectV2, or coordinates when x and y are None."""
    if x is None and y is None:
        return where(condition, name=name)
    return array_ops.select_v2(condition, x, y, name=name)


def clip_by_value(t, clip_value_min, clip_value_max, name=None) -> Tensor:
    """Clips tensor values to [clip_value_min, clip_value_max] (``tf.clip_by_value``)."""
    with ops.name_scope(name, "clip_by_value", [t, clip_value_min, clip_value_max]) as scope:
        t = convert_to_tensor(t, name="t")
        t_min = minimum(t, clip_value_max)
        t_min.shape.assert_is_compatible_with(t.shape)
        return maximum(t_min, clip_value_min, name=scope)


def tile(input, multiples, name=None) -> Tensor:  # noqa: A002
    from tfcompat.ops import slicing_ops
    return slicing_ops.tile(input, multiples, name=name)


# ---- Python operators on Tensor --------------------------------------------------------------

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
    from tfcompat.ops import slicing_ops
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


# ---- more TF1 math functions -----------------------------------------------------------------

realdiv = real_div


def _bool_unary_shape(op):
    return [(dtypes.bool_, op.inputs[0].shape)]


def _bool_unary(op_type: str, kernel, doc: str):
    register_op(op_type, inputs=("x: T",), kernel=kernel, shape_fn=_bool_unary_shape,
                allowed={"T": FLOATS})
    no_gradient(op_type)

    def wrapper(x, name=None):
        return apply_op(op_type, [x], name=name)
    wrapper.__doc__ = doc
    return wrapper


is_finite = _bool_unary("IsFinite", np.isfinite, "Returns which elements of x are finite.")
is_nan = _bool_unary("IsNan", np.isnan, "Returns which elements of x are NaN.")
is_inf = _bool_unary("IsInf", np.isinf, "Returns which elements of x are Inf.")


def reduce_logsumexp(input_tensor, axis=None, keepdims=None, name=None,
                     reduction_indices=None, keep_dims=None) -> Tensor:
    """log(sum(exp(x))) computed stably by subtracting the (gradient-stopped) maximum."""
    keepdims = bool(deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims))
    axis = deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)
    with ops.name_scope(name, "ReduceLogSumExp", [input_tensor]) as scope:
        x = convert_to_tensor(input_tensor)
        raw_max = reduce_max(x, axis=axis, keepdims=True)
        my_max = array_ops.stop_gradient(
            array_ops.select_v2(is_finite(raw_max), raw_max,
                                constant_op.constant(0, dtype=raw_max.dtype)))
        result = log(reduce_sum(exp(subtract(x, my_max)), axis=axis, keepdims=keepdims))
        if not keepdims:
            my_max = array_ops.reshape(my_max, array_ops.shape(result))
        return add_v2(result, my_max, name=scope)


def _div_no_nan_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    safe_y = np.where(y == 0, np.ones((), y.dtype), y)
    return np.where(y == 0, np.zeros((), x.dtype), x / safe_y).astype(x.dtype, copy=False)


div_no_nan = binary_op("DivNoNan", _div_no_nan_kernel, FLOAT_COMPLEX,
                       "Returns x / y element-wise, or 0 where y is zero.")


@RegisterGradient("DivNoNan")
def _div_no_nan_grad(op, grad):
    x, y = op.inputs
    return binary_op_grads(op, grad, lambda: div_no_nan(grad, y),
                           lambda: grad * div_no_nan(div_no_nan(-x, y), y))
