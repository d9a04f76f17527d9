"""N-dimensional Fourier transforms over chosen axes: FFTND / IFFTND on complex tensors and
RFFTND / IRFFTND between real signals and their half spectra (``tf.signal.fftnd`` ...).

Each op takes ``fft_length`` and ``axes`` (int32 vectors of one length): the input is cropped
or zero-padded along ``axes[i]`` to ``fft_length[i]`` and transformed over those axes; the
real transforms halve the last of them (``fft_length[-1] // 2 + 1`` bins).

TF 2.21 registers these ops for GPU only (a CPU session fails with "No OpKernel was
registered") and no gradient; tfcompat runs them on numpy and differentiates them with the
same conventions as FFT/RFFT (``tfcompat/ops/fft_ops.py``).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.math_extra_ops import complex as make_complex
from tfcompat.ops.math_extra_ops import real
from tfcompat.ops.op_helpers import COMPLEX

_REAL_FOR = {dtypes.complex64: dtypes.float32, dtypes.complex128: dtypes.float64}
_COMPLEX_FOR = {dtypes.float32: dtypes.complex64, dtypes.float64: dtypes.complex128}
_REALS = (dtypes.float32, dtypes.float64)


def _lengths_and_axes(lengths, axes, rank: int) -> tuple[list[int], list[int]]:
    lengths = [int(v) for v in np.asarray(lengths).reshape(-1)]
    axes = [int(v) for v in np.asarray(axes).reshape(-1)]
    if len(lengths) != len(axes):
        raise errors.InvalidArgumentError(
            None, None, f"fft_length and axes must have the same length, got {len(lengths)} "
                        f"and {len(axes)}")
    for a in axes:
        if not -rank <= a < rank:
            raise errors.InvalidArgumentError(None, None, f"axes {a} out of range for rank "
                                                          f"{rank}")
    for n in lengths:
        if n < 0:
            raise errors.InvalidArgumentError(None, None, f"fft_length must be >= 0, got {n}")
    return lengths, [a % rank for a in axes]


def _fit(x: np.ndarray, axes: list[int], lengths: list[int]) -> np.ndarray:
    """Crops or zero-pads ``x`` along each of ``axes`` to its length."""
    for axis, n in zip(axes, lengths):
        if x.shape[axis] > n:
            x = np.take(x, np.arange(n), axis=axis)
        elif x.shape[axis] < n:
            pad = [(0, 0)] * x.ndim
            pad[axis] = (0, n - x.shape[axis])
            x = np.pad(x, pad)
    return x


def _c2c_kernel(inverse: bool):
    def kernel(x, fft_length, axes):
        x = np.asarray(x)
        lengths, axes = _lengths_and_axes(fft_length, axes, x.ndim)
        fitted = _fit(x, axes, lengths)
        if fitted.size == 0 or not axes:
            return fitted.copy()
        fn = np.fft.ifftn if inverse else np.fft.fftn
        return fn(fitted, axes=axes).astype(x.dtype)
    return kernel


def _r2c_kernel(x, fft_length, axes, Tcomplex):  # noqa: N803 - TF's attr name
    x = np.asarray(x)
    lengths, axes = _lengths_and_axes(fft_length, axes, x.ndim)
    fitted = _fit(x, axes, lengths)
    out_dtype = Tcomplex.as_numpy_dtype
    if not axes:
        return fitted.astype(out_dtype)
    shape = list(fitted.shape)
    shape[axes[-1]] = lengths[-1] // 2 + 1
    if fitted.size == 0:
        return np.zeros(shape, out_dtype)
    return np.fft.rfftn(fitted, axes=axes).astype(out_dtype)


def _c2r_kernel(x, fft_length, axes, Treal):  # noqa: N803 - TF's attr name
    x = np.asarray(x)
    lengths, axes = _lengths_and_axes(fft_length, axes, x.ndim)
    out_dtype = Treal.as_numpy_dtype
    if not axes:
        return x.real.astype(out_dtype)
    fitted = _fit(x, axes, lengths[:-1] + [lengths[-1] // 2 + 1])
    shape = list(fitted.shape)
    shape[axes[-1]] = lengths[-1]
    if fitted.size == 0 or 0 in shape:
        return np.zeros(shape, out_dtype)
    return np.fft.irfftn(fitted, s=lengths, axes=axes).astype(out_dtype)


def _const_ints(t: Tensor) -> list[int] | None:
    value = tensor_util.constant_value(t)
    return None if value is None else [int(v) for v in np.asarray(value).reshape(-1)]


def _nd_shape(kind: str):
    def shape_fn(op):
        x, length_t, axes_t = op.inputs
        out_dtype = {"c2c": x.dtype.base_dtype, "r2c": op._attrs.get("Tcomplex"),
                     "c2r": op._attrs.get("Treal")}[kind]
        for name, t in (("fft_length", length_t), ("axes", axes_t)):
            if t.shape.ndims not in (None, 1):
                raise ShapeError(f"Shape must be rank 1 but is rank {t.shape.ndims} for "
                                 f"'{name}'")
        rank = x.shape.ndims
        if rank is None:
            return [(out_dtype, unknown_shape())]
        lengths, axes = _const_ints(length_t), _const_ints(axes_t)
        if lengths is None or axes is None:
            return [(out_dtype, TensorShape._from_tuple((None,) * rank))]
        if len(lengths) != len(axes) or any(not -rank <= a < rank for a in axes):
            raise ShapeError(f"fft_length {lengths} and axes {axes} do not match an input of "
                             f"rank {rank}")
        dims = list(x.shape.as_tuple())
        for i, (axis, n) in enumerate(zip(axes, lengths)):
            last = i == len(axes) - 1
            dims[axis % rank] = n // 2 + 1 if (kind == "r2c" and last) else n
        return [(out_dtype, TensorShape._from_tuple(tuple(dims)))]
    return shape_fn


# ---- gradients (the same conventions as FFT / RFFT / IRFFT) -----------------------------------

def _static_nd(op) -> tuple[list[int], list[int], list[int]]:
    """(fft_length, axes mod rank, input dims) of an op; gradients need them constant."""
    x = op.inputs[0]
    lengths, axes = _const_ints(op.inputs[1]), _const_ints(op.inputs[2])
    if lengths is None or axes is None or x.shape.ndims is None or \
            None in x.shape.as_tuple():
        raise NotImplementedError(f"{op.type} gradients need a static input shape and "
                                  "constant fft_length and axes in tfcompat")
    rank = x.shape.ndims
    return lengths, [a % rank for a in axes], list(x.shape.as_tuple())


def _fit_tensor(t: Tensor, axes: list[int], lengths: list[int]) -> Tensor:
    """Graph version of ``_fit`` for a tensor of static shape."""
    dims = list(t.shape.as_tuple())
    size = list(dims)
    paddings = [[0, 0] for _ in dims]
    for axis, n in zip(axes, lengths):
        if dims[axis] > n:
            size[axis] = n
        elif dims[axis] < n:
            paddings[axis][1] = n - dims[axis]
    if size != dims:
        t = slicing_ops.slice(t, [0] * len(dims), size)
    if any(p[1] for p in paddings):
        t = slicing_ops.pad(t, paddings)
    return t


def _lengths_input(lengths: list[int], axes: list[int]) -> tuple[Tensor, Tensor]:
    return (constant_op.constant(lengths, dtype=dtypes.int32),
            constant_op.constant(axes, dtype=dtypes.int32))


def _c2c_grad(inverse: bool):
    def grad_fn(op, grad):
        lengths, axes, dims = _static_nd(op)
        size = float(np.prod(lengths)) or 1.0  # an empty transform has no values to scale
        real_dtype = _REAL_FOR[grad.dtype.base_dtype]
        scale = make_complex(constant_op.constant(1.0 / size if inverse else size,
                                                  dtype=real_dtype),
                             array_ops.zeros([], real_dtype))
        other = "FFTND" if inverse else "IFFTND"
        back = apply_op(other, [grad, *_lengths_input(lengths, axes)]) * scale
        return _fit_tensor(back, axes, [dims[a] for a in axes]), None, None
    return grad_fn


def _r2c_grad(op, grad):
    # dx = Re(prod(n) * IFFTND(grad zero-extended to the full last axis)), fitted back to x.
    lengths, axes, dims = _static_nd(op)
    x = op.inputs[0]
    full = _fit_tensor(grad, axes[-1:], lengths[-1:])
    inverse = apply_op("IFFTND", [full, *_lengths_input(lengths, axes)])
    dx = real(inverse) * constant_op.constant(float(np.prod(lengths)),
                                              dtype=x.dtype.base_dtype)
    return _fit_tensor(dx, axes, [dims[a] for a in axes]), None, None


def _c2r_grad(op, grad):
    # dy = RFFTND(grad) * w / prod(n), w doubling the bins that stand for two conjugates.
    lengths, axes, dims = _static_nd(op)
    x = op.inputs[0]
    spectrum = apply_op("RFFTND", [grad, *_lengths_input(lengths, axes)],
                        attrs={"Tcomplex": x.dtype.base_dtype})
    n = lengths[-1]
    weights = np.full(n // 2 + 1, 2.0)
    weights[0] = 1.0
    if n % 2 == 0:
        weights[-1] = 1.0
    weights /= float(np.prod(lengths))
    shape = [1] * len(dims)
    shape[axes[-1]] = n // 2 + 1
    real_dtype = _REAL_FOR[x.dtype.base_dtype]
    scale = constant_op.constant(weights.reshape(shape), dtype=real_dtype)
    dy = spectrum * make_complex(scale, array_ops.zeros_like(scale))
    return _fit_tensor(dy, axes, [dims[a] for a in axes]), None, None


_ND_INPUTS = ("fft_length: int32", "axes: int32")
for _name, _inverse in (("FFTND", False), ("IFFTND", True)):
    register_op(_name, inputs=("input: Tcomplex",) + _ND_INPUTS, kernel=_c2c_kernel(_inverse),
                shape_fn=_nd_shape("c2c"), allowed={"Tcomplex": COMPLEX},
                type_defaults={"Tcomplex": dtypes.complex64}, value_inputs=(1, 2),
                grad=_c2c_grad(_inverse))
register_op("RFFTND", inputs=("input: Treal",) + _ND_INPUTS, kernel=_r2c_kernel,
            kernel_attrs=("Tcomplex",), shape_fn=_nd_shape("r2c"),
            allowed={"Treal": _REALS, "Tcomplex": COMPLEX},
            attr_defaults={"Tcomplex": dtypes.complex64}, value_inputs=(1, 2), grad=_r2c_grad)
register_op("IRFFTND", inputs=("input: Tcomplex",) + _ND_INPUTS, kernel=_c2r_kernel,
            kernel_attrs=("Treal",), shape_fn=_nd_shape("c2r"),
            allowed={"Tcomplex": COMPLEX, "Treal": _REALS},
            attr_defaults={"Treal": dtypes.float32}, value_inputs=(1, 2), grad=_c2r_grad)


# ---- public API ------------------------------------------------------------------------------

_NORMS = (None, "backward", "ortho", "forward")


def _default_lengths(x: Tensor, axes: list[int], inverse_real: bool):
    """``shape(x)`` at ``axes`` (the last one ``2 * (m - 1)`` for an inverse real FFT)."""
    dims = [x.shape.as_tuple()[a] for a in axes]
    if None not in dims:
        if inverse_real and dims:
            dims[-1] = 2 * (dims[-1] - 1)
        return dims
    lengths = slicing_ops.gather(array_ops.shape(x), axes)
    if inverse_real:
        last = 2 * (lengths[-1] - 1)
        lengths = array_ops.concat([lengths[:-1], array_ops.reshape(last, [1])], 0)
    return lengths


def _norm_scale(result: Tensor, lengths: Tensor, norm, inverse: bool) -> Tensor:
    """Rescales the unnormalized (``backward``) transform for ``ortho`` and ``forward``."""
    if norm in (None, "backward"):
        return result
    size = math_ops.cast(math_ops.reduce_prod(lengths), _REAL_FOR.get(
        result.dtype.base_dtype, result.dtype.base_dtype))
    factor = math_ops.sqrt(size) if norm == "ortho" else size
    factor = factor if inverse else math_ops.reciprocal(factor)
    if result.dtype.is_complex:
        factor = make_complex(factor, array_ops.zeros_like(factor))
    return result * factor


def _nd_function(op_type: str, kind: str, doc: str):
    default_name = op_type.lower()
    inverse = op_type.startswith("I")

    def fn(input_tensor, fft_length=None, axes=None, norm=None, name=None) -> Tensor:
        if norm not in _NORMS:
            raise ValueError(f"Invalid norm value {norm}; should be 'backward', 'ortho' or "
                             "'forward'.")
        with ops.name_scope(name, default_name, [input_tensor, fft_length, axes]) as scope:
            x = convert_to_tensor(input_tensor, name="input_tensor")
            wanted = _REALS if kind == "r2c" else COMPLEX
            if kind != "c2c" and x.dtype.base_dtype not in wanted:
                kinds = "tf.complex64 or tf.complex128" if inverse else "tf.float32 or tf.float64"
                raise ValueError(f"{op_type[:-2]} requires {kinds} inputs, got: {x}")
            if x.dtype.base_dtype not in wanted:
                names = ", ".join(d.name for d in wanted)
                raise TypeError(f"Value passed to parameter 'input' has DataType "
                                f"{x.dtype.base_dtype.name} not in list of allowed values: "
                                f"{names}")
            rank = x.shape.ndims
            if rank is None:
                raise ValueError("Cannot take the length of shape with unknown rank.")
            if axes is None:
                count = rank if fft_length is None else len(fft_length)
                axes = list(range(rank - count, rank))
            axes = [int(a) % rank if rank else int(a) for a in axes]
            axes_t = constant_op.constant(axes, dtype=dtypes.int32)
            if fft_length is None:
                fft_length = _default_lengths(x, axes, kind == "c2r")
            lengths = convert_to_tensor(fft_length, dtype=dtypes.int32, name="fft_length")
            attrs = {"r2c": {"Tcomplex": _COMPLEX_FOR.get(x.dtype.base_dtype)},
                     "c2r": {"Treal": _REAL_FOR.get(x.dtype.base_dtype)}, "c2c": {}}[kind]
            if norm in (None, "backward"):
                return apply_op(op_type, [x, lengths, axes_t], name=scope, attrs=attrs)
            result = apply_op(op_type, [x, lengths, axes_t], attrs=attrs)
            return array_ops.identity(_norm_scale(result, lengths, norm, inverse), name=scope)
    fn.__name__ = default_name
    fn.__doc__ = doc
    return fn


fftnd = _nd_function("FFTND", "c2c", "N-D FFT over ``axes`` (default: all) of a complex tensor; "
                     "``fft_length`` crops or zero-pads each transformed axis.")
ifftnd = _nd_function("IFFTND", "c2c", "Inverse N-D FFT over ``axes`` of a complex tensor.")
rfftnd = _nd_function("RFFTND", "r2c", "N-D real FFT over ``axes``: the last one keeps "
                      "``fft_length[-1] // 2 + 1`` bins.")
irfftnd = _nd_function("IRFFTND", "c2r", "Inverse N-D real FFT over ``axes``: real signals of "
                       "``fft_length`` from half spectra.")


# ---- the raw op wrappers (top-level ``tf.fftnd`` ... in tf.compat.v1) ------------------------

def raw_fftnd(input, fft_length, axes, name=None) -> Tensor:  # noqa: A002 - TF's name
    """The FFTND op: N-D FFT over ``axes``, each cropped or padded to its ``fft_length``."""
    return apply_op("FFTND", [input, fft_length, axes], name=name)


def raw_ifftnd(input, fft_length, axes, name=None) -> Tensor:  # noqa: A002 - TF's name
    """The IFFTND op: inverse N-D FFT over ``axes``."""
    return apply_op("IFFTND", [input, fft_length, axes], name=name)


def raw_rfftnd(input, fft_length, axes, Tcomplex=dtypes.complex64,  # noqa: A002, N803
               name=None) -> Tensor:
    """The RFFTND op: N-D real FFT over ``axes``."""
    return apply_op("RFFTND", [input, fft_length, axes], name=name,
                    attrs={"Tcomplex": dtypes.as_dtype(Tcomplex)})


def raw_irfftnd(input, fft_length, axes, Treal=dtypes.float32,  # noqa: A002, N803
                name=None) -> Tensor:
    """The IRFFTND op: inverse N-D real FFT over ``axes``."""
    return apply_op("IRFFTND", [input, fft_length, axes], name=name,
                    attrs={"Treal": dtypes.as_dtype(Treal)})
