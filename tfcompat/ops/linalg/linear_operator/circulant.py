"""Circulant operators given by their spectrum: LinearOperatorCirculant (1-D),
LinearOperatorCirculant2D and LinearOperatorCirculant3D (block-circulant with circulant
blocks), applied with the FFT ops: ``A x = IFFT(spectrum * FFT(x))``."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, check_ops, math_ops
from tfcompat.ops.fft_ops import fft, fft2d, fft3d, ifft, ifft2d, ifft3d
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.math_extra_ops import imag, real

_TRANSFORMS = {1: (fft, ifft), 2: (fft2d, ifft2d), 3: (fft3d, ifft3d)}


def _complex_dtype(dtype):
    if dtype.is_complex:
        return dtype
    return dtypes.complex128 if dtype == dtypes.float64 else dtypes.complex64


class _BaseLinearOperatorCirculant(LinearOperator):
    """Shared implementation; ``block_depth`` is the number of circulant levels."""

    def __init__(self, spectrum, block_depth, input_output_dtype=dtypes.complex64,
                 is_non_singular=None, is_self_adjoint=None, is_positive_definite=None,
                 is_square=True, parameters=None, name="LinearOperatorCirculant"):
        if is_square is False:
            raise ValueError("A [[nested] block] circulant operator is always square. "
                             "Expected argument `is_square` to be True. Received: False.")
        input_output_dtype = dtypes.as_dtype(input_output_dtype)
        self._block_depth = block_depth
        self._input_output_dtype = input_output_dtype
        with ops.name_scope(name, values=[spectrum]):
            self._spectrum = convert_to_tensor(spectrum, name="spectrum")
            if self._spectrum.shape.ndims is not None and \
                    self._spectrum.shape.ndims < block_depth:
                raise ValueError(f"Argument `spectrum` must have at least {block_depth} "
                                 f"dimensions. Received: {self._spectrum}.")
            if not self._spectrum.dtype.is_complex:
                if is_self_adjoint is False:
                    raise ValueError("A real spectrum always corresponds to a self-adjoint "
                                     "operator. Expected argument `is_self_adjoint` to be True "
                                     "when `spectrum.dtype.is_complex` = True. Received: "
                                     "False.")
                is_self_adjoint = True
        super().__init__(input_output_dtype, graph_parents=[self._spectrum],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=True,
                         name=name, parameters=parameters)

    @property
    def spectrum(self):
        return self._spectrum

    @property
    def block_depth(self) -> int:
        return self._block_depth

    @property
    def block_shape(self) -> TensorShape:
        return self._spectrum.shape[-self._block_depth:]

    def block_shape_tensor(self):
        if self.block_shape.is_fully_defined():
            return convert_to_tensor(self.block_shape.as_list(), dtype=dtypes.int32)
        return array_ops.shape(self._spectrum)[-self._block_depth:]

    def _block_dims(self) -> list:
        static = self.block_shape
        if static.is_fully_defined():
            return static.as_list()
        dynamic = array_ops.shape(self._spectrum)
        return [dynamic[i - self._block_depth] for i in range(self._block_depth)]

    def _size(self):
        dims = self._block_dims()
        result = dims[0]
        for dim in dims[1:]:
            result = result * dim
        return result

    def _batch_parameters(self):
        return {"spectrum": self._block_depth}

    def _shape(self):
        shape = self._spectrum.shape
        if shape.ndims is None:
            return TensorShape(None)
        size = Dimension(1)
        for dim in self.block_shape.dims:
            size = size * dim
        return shape[:-self._block_depth].concatenate([size, size])

    def _shape_tensor(self):
        shape = array_ops.shape(self._spectrum)
        size = math_ops.reduce_prod(shape[-self._block_depth:])
        return array_ops.concat([shape[:-self._block_depth],
                                 array_ops.stack([size, size])], 0)

    def _complex_spectrum(self, conjugate: bool = False):
        spectrum = math_ops.cast(self._spectrum, _complex_dtype(self.dtype))
        return util.conj(spectrum) if conjugate else spectrum

    def _to_output_dtype(self, t):
        if self.dtype.is_complex:
            return math_ops.cast(t, self.dtype)
        return math_ops.cast(real(t), self.dtype)

    def _spectral_apply(self, x, spectrum_fn):
        """``IFFT(spectrum_fn(spectrum) * FFT(x))`` on the columns of ``x``."""
        forward, inverse = _TRANSFORMS[self._block_depth]
        x = math_ops.cast(x, _complex_dtype(self.dtype))
        blocks = _split_last(_swap_last_two(x), self._block_dims())
        spectrum = array_ops.expand_dims(self._complex_spectrum(), -self._block_depth - 1)
        scaled = inverse(spectrum_fn(spectrum) * forward(blocks))
        return _swap_last_two(_merge_last(scaled, self._block_depth, self._size()))

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        operation = util.conj if adjoint else (lambda s: s)
        return self._to_output_dtype(self._spectral_apply(x, operation))

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs

        def inverted(spectrum):
            spectrum = util.conj(spectrum) if adjoint else spectrum
            return 1.0 / spectrum

        return self._to_output_dtype(self._spectral_apply(rhs, inverted))

    def _block_axes(self) -> list:
        return list(range(-self._block_depth, 0))

    def _in_operator_dtype(self, t):
        """A reduction of the spectrum in the operator's dtype (the real part for a real
        operator given a complex spectrum)."""
        if t.dtype.base_dtype == self.dtype:
            return t
        return self._to_output_dtype(t)

    def _determinant(self):
        det = math_ops.reduce_prod(self._spectrum, axis=self._block_axes())
        return self._in_operator_dtype(det)

    def _log_abs_determinant(self):
        modulus = util.modulus(self._spectrum)
        log_abs = math_ops.reduce_sum(math_ops.log(modulus), axis=self._block_axes())
        return math_ops.cast(log_abs, self.dtype)

    def _trace(self):
        total = math_ops.reduce_sum(self._spectrum, axis=self._block_axes())
        return self._in_operator_dtype(total)

    def _diag_part(self):
        size = self._size()
        batch = self.batch_shape if self.batch_shape.is_fully_defined() else \
            self.batch_shape_tensor()
        if isinstance(batch, TensorShape) and isinstance(size, int):
            ones = array_ops.ones(batch.as_list() + [size], dtype=self.dtype)
            mean = self.trace() / float(size)
        else:
            shape = array_ops.concat([batch, array_ops.reshape(size, [1])], 0)
            ones = array_ops.ones(shape, dtype=self.dtype)
            mean = self.trace() / math_ops.cast(size, self.dtype)
        return ones * array_ops.expand_dims(mean, -1)

    def _eigvals(self):
        spectrum = _merge_last(self._spectrum, self._block_depth, self._size())
        return self._in_operator_dtype(spectrum)

    def convolution_kernel(self, name="convolution_kernel"):
        """The kernel ``h`` with ``A x = h ⊛ x`` (circular convolution): IFFT of the
        spectrum."""
        with self._name_scope(name):
            _, inverse = _TRANSFORMS[self._block_depth]
            return self._to_output_dtype(inverse(self._complex_spectrum()))

    def assert_hermitian_spectrum(self, name="assert_hermitian_spectrum"):
        """An op failing at run time unless the spectrum is Hermitian, i.e. the operator is
        a real matrix (the IFFT of the spectrum, its convolution kernel, is real)."""
        with self._name_scope(name):
            _, inverse = _TRANSFORMS[self._block_depth]
            spectrum = self._complex_spectrum()
            kernel = inverse(spectrum)
            eps = float(np.finfo(kernel.dtype.real_dtype.as_numpy_dtype).eps)
            tolerance = 10 * eps * (1 + math_ops.reduce_max(util.modulus(spectrum)))
            return check_ops.assert_less(util.modulus(imag(kernel)), tolerance,
                                         message="Spectrum was not Hermitian")

    def _assert_non_singular(self):
        return util.assert_no_entries_with_modulus_zero(
            self._spectrum, message="Singular operator:  Spectrum contained zero values.")

    def _assert_positive_definite(self):
        spectrum = real(self._spectrum) if self._spectrum.dtype.is_complex else \
            self._spectrum
        return check_ops.assert_positive(
            spectrum, message="Not positive definite:  Real part of spectrum was not all "
                              "positive.")

    def _assert_self_adjoint(self):
        return util.assert_zero_imag_part(
            self._spectrum, message="Not self-adjoint:  The spectrum contained non-zero "
                                    "imaginary part.")

    def _with_spectrum(self, spectrum, **hints):
        return type(self)(spectrum, input_output_dtype=self._input_output_dtype, **hints)

    def _adjoint_operator(self):
        return self._with_spectrum(util.conj(self._spectrum),
                                   is_non_singular=self.is_non_singular,
                                   is_self_adjoint=self.is_self_adjoint,
                                   is_positive_definite=self.is_positive_definite)

    def _inverse_operator(self):
        return self._with_spectrum(1.0 / self._spectrum,
                                   is_non_singular=self.is_non_singular,
                                   is_self_adjoint=self.is_self_adjoint,
                                   is_positive_definite=self.is_positive_definite)


def _swap_last_two(t):
    rank = t.shape.ndims
    return array_ops.transpose(t, list(range(rank - 2)) + [rank - 1, rank - 2])


def _split_last(t, dims: list):
    """``t[..., N]`` reshaped to ``t[..., d1, ..., dk]``."""
    rank = t.shape.ndims
    if t.shape[:-1].is_fully_defined() and all(isinstance(d, int) for d in dims):
        return array_ops.reshape(t, t.shape[:-1].as_list() + dims)
    tail = array_ops.stack([convert_to_tensor(d, dtype=dtypes.int32) for d in dims])
    return array_ops.reshape(t, array_ops.concat([array_ops.shape(t)[:rank - 1], tail], 0))


def _merge_last(t, depth: int, size):
    """``t[..., d1, ..., dk]`` reshaped to ``t[..., N]``."""
    rank = t.shape.ndims
    batch = t.shape[:rank - depth]
    if batch.is_fully_defined() and isinstance(size, int):
        return array_ops.reshape(t, batch.as_list() + [size])
    return array_ops.reshape(t, array_ops.concat(
        [array_ops.shape(t)[:rank - depth], array_ops.reshape(size, [1])], 0))


class LinearOperatorCirculant(_BaseLinearOperatorCirculant):
    """A [batch of] circulant matrix ``A = F^-1 diag(spectrum) F`` (``F`` the DFT)."""

    def __init__(self, spectrum, input_output_dtype=dtypes.complex64, is_non_singular=None,
                 is_self_adjoint=None, is_positive_definite=None, is_square=True,
                 name="LinearOperatorCirculant"):
        parameters = dict(spectrum=spectrum, input_output_dtype=input_output_dtype,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        super().__init__(spectrum, 1, input_output_dtype=input_output_dtype,
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         parameters=parameters, name=name)


class LinearOperatorCirculant2D(_BaseLinearOperatorCirculant):
    """A block-circulant operator with circulant blocks (spectrum ``[..., N0, N1]``)."""

    def __init__(self, spectrum, input_output_dtype=dtypes.complex64, is_non_singular=None,
                 is_self_adjoint=None, is_positive_definite=None, is_square=True,
                 name="LinearOperatorCirculant2D"):
        parameters = dict(spectrum=spectrum, input_output_dtype=input_output_dtype,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        super().__init__(spectrum, 2, input_output_dtype=input_output_dtype,
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         parameters=parameters, name=name)


class LinearOperatorCirculant3D(_BaseLinearOperatorCirculant):
    """A three-level block-circulant operator (spectrum ``[..., N0, N1, N2]``)."""

    def __init__(self, spectrum, input_output_dtype=dtypes.complex64, is_non_singular=None,
                 is_self_adjoint=None, is_positive_definite=None, is_square=True,
                 name="LinearOperatorCirculant3D"):
        parameters = dict(spectrum=spectrum, input_output_dtype=input_output_dtype,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        super().__init__(spectrum, 3, input_output_dtype=input_output_dtype,
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         parameters=parameters, name=name)
