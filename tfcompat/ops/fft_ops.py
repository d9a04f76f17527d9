"""Discrete Fourier transforms over the innermost 1-3 dimensions: FFT/IFFT(2D,3D) on complex
tensors and RFFT/IRFFT(2D,3D) between real signals and their half spectra, with gradients, and
fftshift / ifftshift.

Gradients follow TF's convention for complex values (the gradient of a real loss is
dL/dRe + i dL/dIm): FFT's is n * IFFT, IFFT's is FFT / n.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.array_extra_ops import roll
from tfcompat.ops.math_extra_ops import complex as make_complex
from tfcompat.ops.math_extra_ops import real
from tfcompat.ops.op_helpers import COMPLEX

_REAL_FOR = {dtypes.complex64: dtypes.float32, dtypes.complex128: dtypes.float64}
_COMPLEX_FOR = {dtypes.float32: dtypes.complex64, dtypes.float64: dtypes.complex128}


def _axes(rank: int) -> tuple[int, ...]:
    return tuple(range(-rank, 0))


def _check_rank(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims < rank:
        raise ShapeError(f"Shape must be at least rank {rank} but is rank {shape.ndims}")


# ---- complex-to-complex ----------------------------------------------------------------------

def _complex_fft_kernel(rank: int, inverse: bool):
    def kernel(x):
        x = np.asarray(x)
        fn = np.fft.ifftn if inverse else np.fft.fftn
        if x.size == 0:
            return x.copy()
        return fn(x, axes=_axes(rank)).astype(x.dtype)
    return kernel


def _transform_size(x: Tensor, rank: int) -> Tensor:
    """The number of points transformed: the product of the innermost ``rank`` dims."""
    dims = x.shape.as_tuple()[-rank:] if x.shape.ndims is not None else (None,)
    if None not in dims:
        return constant_op.constant(float(np.prod(dims)), dtype=_REAL_FOR[x.dtype.base_dtype])
    size = math_ops.reduce_prod(array_ops.shape(x)[-rank:])
    return math_ops.cast(size, _REAL_FOR[x.dtype.base_dtype])


def _complex_fft_grad(rank: int, inverse: bool):
    def grad_fn(op, grad):
        size = make_complex(_transform_size(grad, rank),
                            array_ops.zeros([], _REAL_FOR[grad.dtype.base_dtype]))
        if inverse:
            return apply_op(_FFT_NAMES[rank][0], [grad]) / size
        return apply_op(_FFT_NAMES[rank][1], [grad]) * size
    return grad_fn


def _complex_fft_shape(rank: int):
    def shape_fn(op):
        x = op.inputs[0]
        _check_rank(x.shape, rank)
        return [(x.dtype.base_dtype, x.shape)]
    return shape_fn


_FFT_NAMES = {1: ("FFT", "IFFT"), 2: ("FFT2D", "IFFT2D"), 3: ("FFT3D", "IFFT3D")}
for _rank, (_forward, _backward) in _FFT_NAMES.items():
    for _name, _inverse in ((_forward, False), (_backward, True)):
        register_op(_name, inputs=("input: Tcomplex",),
                    kernel=_complex_fft_kernel(_rank, _inverse),
                    shape_fn=_complex_fft_shape(_rank), allowed={"Tcomplex": COMPLEX},
                    type_defaults={"Tcomplex": dtypes.complex64},
                    grad=_complex_fft_grad(_rank, _inverse))


def _complex_fft_function(op_type: str, doc: str):
    def fn(input, name=None) -> Tensor:  # noqa: A002
        return apply_op(op_type, [input], name=name)
    fn.__name__ = op_type.lower()
    fn.__doc__ = doc
    return fn


fft = _complex_fft_function("FFT", "Fast Fourier transform over the innermost dimension.")
ifft = _complex_fft_function("IFFT", "Inverse FFT over the innermost dimension.")
fft2d = _complex_fft_function("FFT2D", "2-D FFT over the 2 innermost dimensions.")
ifft2d = _complex_fft_function("IFFT2D", "Inverse 2-D FFT over the 2 innermost dimensions.")
fft3d = _complex_fft_function("FFT3D", "3-D FFT over the 3 innermost dimensions.")
ifft3d = _complex_fft_function("IFFT3D", "Inverse 3-D FFT over the 3 innermost dimensions.")


# ---- real-to-complex and back ----------------------------------------------------------------

def _fft_lengths(op, rank: int):
    value = tensor_util.constant_value(op.inputs[1])
    return None if value is None else [int(v) for v in np.asarray(value).reshape(-1)]


def _real_fft_shape(rank: int, inverse: bool):
    def shape_fn(op):
        x = op.inputs[0]
        out_dtype = op._attrs["Treal" if inverse else "Tcomplex"]
        _check_rank(x.shape, rank)
        lengths = _fft_lengths(op, rank)
        if x.shape.ndims is None:
            return [(out_dtype, unknown_shape())]
        lead = x.shape.as_tuple()[:-rank]
        if lengths is None:
            return [(out_dtype, TensorShape._from_tuple(lead + (None,) * rank))]
        inner = tuple(lengths[:-1]) + ((lengths[-1] if inverse else lengths[-1] // 2 + 1),)
        return [(out_dtype, TensorShape._from_tuple(lead + inner))]
    return shape_fn


def _fit(x: np.ndarray, lengths, rank: int) -> np.ndarray:
    """Crops or zero-pads the innermost ``rank`` dims of x to ``lengths``."""
    for axis, n in zip(range(x.ndim - rank, x.ndim), lengths):
        if x.shape[axis] > n:
            x = np.take(x, np.arange(n), axis=axis)
        elif x.shape[axis] < n:
            pad = [(0, 0)] * x.ndim
            pad[axis] = (0, n - x.shape[axis])
            x = np.pad(x, pad)
    return x


def _rfft_kernel(rank: int):
    def kernel(x, fft_length, Tcomplex):  # noqa: N803 - TF's attr name
        x = np.asarray(x)
        lengths = [int(v) for v in np.asarray(fft_length)]
        fitted = _fit(x, lengths, rank)
        out_shape = fitted.shape[:-1] + (lengths[-1] // 2 + 1,)
        if fitted.size == 0 or 0 in lengths:
            return np.zeros(out_shape, Tcomplex.as_numpy_dtype)
        return np.fft.rfftn(fitted, axes=_axes(rank)).astype(Tcomplex.as_numpy_dtype)
    return kernel


def _irfft_kernel(rank: int):
    def kernel(x, fft_length, Treal):  # noqa: N803 - TF's attr name
        x = np.asarray(x)
        lengths = [int(v) for v in np.asarray(fft_length)]
        fitted = _fit(x, lengths[:-1] + [lengths[-1] // 2 + 1], rank)
        if fitted.size == 0 or 0 in lengths:
            return np.zeros(fitted.shape[:-1] + (lengths[-1],), Treal.as_numpy_dtype)
        return np.fft.irfftn(fitted, s=lengths, axes=_axes(rank)).astype(Treal.as_numpy_dtype)
    return kernel


def _fit_tensor(t: Tensor, lengths: list[Tensor | int], rank: int) -> Tensor:
    """Graph version of ``_fit`` for static shapes: slice or pad the innermost dims."""
    dims = t.shape.as_tuple()
    if None in dims[-rank:]:
        raise NotImplementedError("FFT gradients need static innermost dimensions in tfcompat")
    begin = [0] * len(dims)
    size = list(dims)
    paddings = [[0, 0] for _ in dims]
    for i, n in enumerate(lengths):
        axis = len(dims) - rank + i
        if dims[axis] > n:
            size[axis] = n
        elif dims[axis] < n:
            paddings[axis][1] = n - dims[axis]
    size = [-1 if d is None else d for d in size]
    if size != [-1 if d is None else d for d in dims]:
        t = slicing_ops.slice(t, begin, size)
    if any(p[1] for p in paddings):
        t = slicing_ops.pad(t, paddings)
    return t


def _half_spectrum_weights(n: int, dtype) -> Tensor:
    """1 for the DC (and Nyquist, n even) bins of a half spectrum, 2 for the others."""
    weights = np.full(n // 2 + 1, 2.0)
    weights[0] = 1.0
    if n % 2 == 0:
        weights[-1] = 1.0
    return constant_op.constant(weights, dtype=dtype)


def _rfft_grad(rank: int):
    def grad_fn(op, grad):
        x = op.inputs[0]
        lengths = _fft_lengths(op, rank)
        if lengths is None:
            raise NotImplementedError("RFFT gradients need a constant fft_length in tfcompat")
        # dx = Re(prod(n) * IFFTnd(grad zero-extended to the full spectrum)), fitted back to x.
        full = _fit_tensor(grad, lengths, rank)
        size = float(np.prod(lengths))
        inverse = apply_op(_FFT_NAMES[rank][1], [full])
        dx = real(inverse) * constant_op.constant(size, dtype=x.dtype.base_dtype)
        return _fit_tensor(dx, [d for d in x.shape.as_tuple()[-rank:]], rank), None
    return grad_fn


def _irfft_grad(rank: int):
    def grad_fn(op, grad):
        x = op.inputs[0]
        lengths = _fft_lengths(op, rank)
        if lengths is None:
            raise NotImplementedError("IRFFT gradients need a constant fft_length in tfcompat")
        # dy = RFFTnd(grad) * w / prod(n), w doubling the bins that stand for two conjugates.
        spectrum = apply_op(_RFFT_NAMES[rank][0], [grad, lengths],
                            attrs={"Tcomplex": x.dtype.base_dtype})
        real_dtype = _REAL_FOR[x.dtype.base_dtype]
        scale = _half_spectrum_weights(lengths[-1], real_dtype) / constant_op.constant(
            float(np.prod(lengths)), dtype=real_dtype)
        dy = spectrum * make_complex(scale, array_ops.zeros_like(scale))
        return _fit_tensor(dy, list(x.shape.as_tuple()[-rank:]), rank), None
    return grad_fn


_RFFT_NAMES = {1: ("RFFT", "IRFFT"), 2: ("RFFT2D", "IRFFT2D"), 3: ("RFFT3D", "IRFFT3D")}
for _rank, (_forward, _backward) in _RFFT_NAMES.items():
    register_op(_forward, inputs=("input: Treal", "fft_length: int32"),
                kernel=_rfft_kernel(_rank), kernel_attrs=("Tcomplex",),
                shape_fn=_real_fft_shape(_rank, False),
                allowed={"Treal": (dtypes.float32, dtypes.float64)},
                attr_defaults={"Tcomplex": dtypes.complex64}, value_inputs=(1,),
                grad=_rfft_grad(_rank))
    register_op(_backward, inputs=("input: Tcomplex", "fft_length: int32"),
                kernel=_irfft_kernel(_rank), kernel_attrs=("Treal",),
                shape_fn=_real_fft_shape(_rank, True), allowed={"Tcomplex": COMPLEX},
                attr_defaults={"Treal": dtypes.float32}, value_inputs=(1,),
                grad=_irfft_grad(_rank))


def _default_lengths(x: Tensor, rank: int, inverse: bool):
    dims = x.shape.as_tuple()[-rank:] if x.shape.ndims is not None else None
    if dims is None or None in dims:
        shape = array_ops.shape(x)[-rank:]
        if inverse:
            last = 2 * (shape[-1] - 1)
            return array_ops.concat([shape[:-1], array_ops.reshape(last, [1])], 0)
        return shape
    dims = list(dims)
    if inverse:
        dims[-1] = 2 * (dims[-1] - 1)
    return dims


def _real_fft_function(rank: int, inverse: bool):
    op_type = _RFFT_NAMES[rank][1 if inverse else 0]
    default_name = op_type.lower()

    def fn(input_tensor, fft_length=None, name=None) -> Tensor:
        with ops.name_scope(name, default_name, [input_tensor, fft_length]) as scope:
            wanted = _REAL_FOR if inverse else _COMPLEX_FOR
            x = convert_to_tensor(input_tensor, name="input_tensor")
            if x.dtype.base_dtype not in wanted:
                kinds = "tf.complex64 or tf.complex128" if inverse else "tf.float32 or tf.float64"
                raise ValueError(f"{op_type} requires {kinds} inputs, got: {x}")
            _check_rank(x.shape, rank)
            if fft_length is None:
                fft_length = _default_lengths(x, rank, inverse)
            fft_length = convert_to_tensor(fft_length, dtype=dtypes.int32, name="fft_length")
            attr = {"Treal": wanted[x.dtype.base_dtype]} if inverse else \
                {"Tcomplex": wanted[x.dtype.base_dtype]}
            return apply_op(op_type, [x, fft_length], name=scope, attrs=attr)
    fn.__name__ = default_name
    fn.__doc__ = (f"{'Inverse real' if inverse else 'Real'} FFT over the {rank} innermost "
                  "dimension(s); ``fft_length`` crops or zero-pads the signal.")
    return fn


rfft = _real_fft_function(1, False)
irfft = _real_fft_function(1, True)
rfft2d = _real_fft_function(2, False)
irfft2d = _real_fft_function(2, True)
rfft3d = _real_fft_function(3, False)
irfft3d = _real_fft_function(3, True)


# ---- shifts ----------------------------------------------------------------------------------

def _shift(x, axes, name, default_name, inverse: bool) -> Tensor:
    with ops.name_scope(name, default_name) as scope:
        x = convert_to_tensor(x)
        if axes is None:
            axes = list(range(x.shape.ndims))
            shape = array_ops.shape(x)
        else:
            axes = [axes] if isinstance(axes, int) else list(axes)
            shape = slicing_ops.gather(array_ops.shape(x), axes)
        shift = math_ops.floordiv(shape, constant_op.constant(2, dtype=shape.dtype))
        if inverse:
            shift = -shift
        return roll(x, shift, axes, name=scope)


def fftshift(x, axes=None, name=None) -> Tensor:
    """Moves the zero-frequency bin to the centre of the spectrum."""
    return _shift(x, axes, name, "fftshift", inverse=False)


def ifftshift(x, axes=None, name=None) -> Tensor:
    """The inverse of ``fftshift``."""
    return _shift(x, axes, name, "ifftshift", inverse=True)
