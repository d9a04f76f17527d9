"""Op-spec entries for the array, linalg and FFT ops of issue 9 (references in numpy)."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tests.ops.op_specs import OpSpec
from tfcompat.ops.math_extra_ops import conjugate_transpose


def _eye_like(x):
    n = x.shape.as_list()[-1]
    return tf.constant(np.eye(n), dtype=x.dtype)


def _spd(x):
    """A symmetric positive-definite matrix from any square x."""
    return tf.matmul(x, x, transpose_b=True) + 3 * _eye_like(x)


def _np_spd(x):
    return x @ np.swapaxes(x, -1, -2) + 3 * np.eye(x.shape[-1])


def _reverse_sequence(x):
    out = x.copy()
    for b, n in enumerate([2, 3]):
        out[b, :n] = x[b, :n][::-1]
    return out


def _space_to_depth(x, b=2):
    n, h, w, c = x.shape
    out = np.zeros((n, h // b, w // b, b * b * c))
    for i in range(h):
        for j in range(w):
            out[:, i // b, j // b, ((i % b) * b + j % b) * c:((i % b) * b + j % b + 1) * c] = \
                x[:, i, j]
    return out


def _depth_to_space(y, b=2):
    n, h, w, c = y.shape
    out = np.zeros((n, h * b, w * b, c // (b * b)))
    depth = c // (b * b)
    for i in range(h * b):
        for j in range(w * b):
            k = ((i % b) * b + j % b) * depth
            out[:, i, j] = y[:, i // b, j // b, k:k + depth]
    return out


def _space_to_batch(x, b=2):
    n, h, w, c = x.shape
    out = np.zeros((n * b * b, h // b, w // b, c))
    for bi in range(b):
        for bj in range(b):
            out[(bi * b + bj) * n:(bi * b + bj + 1) * n] = x[:, bi::b, bj::b]
    return out


def _batch_to_space(y, b=2):
    nb, h, w, c = y.shape
    n = nb // (b * b)
    out = np.zeros((n, h * b, w * b, c))
    for bi in range(b):
        for bj in range(b):
            out[:, bi::b, bj::b] = y[(bi * b + bj) * n:(bi * b + bj + 1) * n]
    return out


def _patches_2x2_valid(x):
    n, h, w, c = x.shape
    out = np.zeros((n, h - 1, w - 1, 4 * c))
    for i in range(h - 1):
        for j in range(w - 1):
            out[:, i, j] = x[:, i:i + 2, j:j + 2].reshape(n, -1)
    return out


def _band(x, lower, upper):
    rows, cols = x.shape[-2:]
    i, j = np.indices((rows, cols))
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return np.where(keep, x, 0)


def _diag_k1(d):
    n = d.shape[-1] + 1
    out = np.zeros(d.shape[:-1] + (n, n))
    for i in range(n - 1):
        out[..., i, i + 1] = d[..., i]
    return out


def _set_diag(x, d):
    out = x.copy()
    for i in range(min(x.shape[-2:])):
        out[..., i, i] = d[..., i]
    return out


def _expm(a):
    total = np.eye(a.shape[-1])
    term = np.eye(a.shape[-1])
    for k in range(1, 40):
        term = term @ a / k
        total = total + term
    return total


def _sqrtm_spd(a):
    w, v = np.linalg.eigh(a)
    return (v * np.sqrt(w)) @ v.T


def _tridiagonal(diagonals):
    m = diagonals.shape[-1]
    return (np.diag(diagonals[1]) + np.diag(diagonals[0, :-1], 1)
            + np.diag(diagonals[2, 1:], -1)) if m else np.zeros((0, 0))


def _dominant(x):
    """Compact diagonals of a diagonally dominant tridiagonal matrix."""
    return tf.stack([x[0], tf.abs(x[1]) + 4.0, x[2]])


def _np_dominant(x):
    return np.stack([x[0], np.abs(x[1]) + 4.0, x[2]])


def _depthwise(x, f, stride=1):
    """Reference depthwise VALID convolution by explicit loops."""
    n, h, w, c = x.shape
    kh, kw, _, m = f.shape
    oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
    out = np.zeros((n, oh, ow, c, m))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, i, j] = np.einsum("nhwc,hwcm->ncm", patch, f)
    return out.reshape(n, oh, ow, c * m)


def _depthwise_input_grad(f, g, x_shape):
    """d/dx of sum(depthwise(x, f) * g): the adjoint, by explicit accumulation."""
    n, h, w, c = x_shape
    kh, kw, _, m = f.shape
    g = g.reshape(g.shape[:3] + (c, m))
    dx = np.zeros(x_shape)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            dx[:, i:i + kh, j:j + kw] += np.einsum("ncm,hwcm->nhwc", g[:, i, j], f)
    return dx


def _depthwise_filter_grad(x, g, f_shape):
    kh, kw, c, m = f_shape
    g = g.reshape(g.shape[:3] + (c, m))
    df = np.zeros(f_shape)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            df += np.einsum("nhwc,ncm->hwcm", x[:, i:i + kh, j:j + kw], g[:, i, j])
    return df


def _conv3d_valid(x, f):
    n, d, h, w, c = x.shape
    kd, kh, kw, _, o = f.shape
    out = np.zeros((n, d - kd + 1, h - kh + 1, w - kw + 1, o))
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            for k in range(out.shape[3]):
                out[:, i, j, k] = np.einsum("ndhwc,dhwco->no",
                                            x[:, i:i + kd, j:j + kh, k:k + kw], f)
    return out


def _pool3d_2x2x2(x, kind):
    n, d, h, w, c = x.shape
    blocks = x.reshape(n, d // 2, 2, h // 2, 2, w // 2, 2, c)
    return blocks.max(axis=(2, 4, 6)) if kind == "max" else blocks.mean(axis=(2, 4, 6))


def _conv3d_input_grad(f, g, x_shape):
    kd, kh, kw = f.shape[:3]
    dx = np.zeros(x_shape)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            for k in range(g.shape[3]):
                dx[:, i:i + kd, j:j + kh, k:k + kw] += np.einsum("no,dhwco->ndhwc",
                                                                 g[:, i, j, k], f)
    return dx


def _conv3d_filter_grad(x, g, f_shape):
    kd, kh, kw = f_shape[:3]
    df = np.zeros(f_shape)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            for k in range(g.shape[3]):
                df += np.einsum("ndhwc,no->dhwco", x[:, i:i + kd, j:j + kh, k:k + kw],
                                g[:, i, j, k])
    return df


def _max_pool3d_grad_reference(x):
    """d/dx of sum(max_pool3d(x*x)) for positive x: 2x at each 2x2x2 block's maximum."""
    n, d, h, w, c = x.shape
    out = np.zeros_like(x)
    for b in range(n):
        for ch in range(c):
            for i in range(0, d, 2):
                for j in range(0, h, 2):
                    for k in range(0, w, 2):
                        block = x[b, i:i + 2, j:j + 2, k:k + 2, ch]
                        pos = np.unravel_index(np.argmax(block), block.shape)
                        out[b, i + pos[0], j + pos[1], k + pos[2], ch] = 2 * block[pos]
    return out


def _max_pool_2x2(x):
    n, h, w, c = x.shape
    return x.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


SQUARE = (((3, 3),), ((2, 2, 2),))
COMPLEX_1D = (((2, 4), (2, 4)), ((2, 3, 4), (2, 3, 4)))
COMPLEX_3D = (((2, 3, 4), (2, 3, 4)), ((1, 2, 2, 3), (1, 2, 2, 3)))
PAIR = (((3, 3), (3, 2)), ((2, 2), (2, 1)))

SPECS = [
    OpSpec("Roll", lambda x: tf.roll(x, 1, -1), lambda x: np.roll(x, 1, -1), kind="custom",
           shapes=(((2, 3),), ((4,),))),
    OpSpec("ReverseSequence", lambda x: tf.reverse_sequence(x, [2, 3], seq_axis=1,
                                                            batch_axis=0),
           _reverse_sequence, kind="custom", shapes=(((2, 3),), ((2, 4, 2),))),
    OpSpec("EnsureShape", lambda x: tf.ensure_shape(x, x.shape), lambda x: x),
    OpSpec("DynamicPartition", lambda x: tf.reshape(
        tf.dynamic_partition(x, [1, 0, 1], 2)[1], tf.concat([[2], tf.shape(x)[1:]], 0)),
           lambda x: x[[0, 2]], kind="custom", shapes=(((3,),), ((3, 2),))),
    OpSpec("DynamicStitch", lambda x: tf.dynamic_stitch([[1, 0], [2]], [x[:2], x[2:]]),
           lambda x: x[[1, 0, 2]], kind="custom", shapes=(((3,),), ((3, 2),))),
    OpSpec("SpaceToDepth", lambda x: tf.space_to_depth(x, 2), _space_to_depth, kind="custom",
           shapes=(((1, 2, 4, 1),), ((2, 4, 2, 3),))),
    OpSpec("DepthToSpace", lambda x: tf.depth_to_space(x, 2), _depth_to_space, kind="custom",
           shapes=(((1, 1, 2, 4),), ((2, 2, 1, 8),))),
    OpSpec("SpaceToBatchND", lambda x: tf.space_to_batch_nd(x, [2, 2], [[0, 0], [0, 0]]),
           _space_to_batch, kind="custom", shapes=(((1, 2, 4, 1),), ((2, 4, 2, 3),))),
    OpSpec("BatchToSpaceND", lambda x: tf.batch_to_space_nd(x, [2, 2], [[0, 0], [0, 0]]),
           _batch_to_space, kind="custom", shapes=(((4, 1, 2, 1),), ((8, 2, 1, 3),))),
    OpSpec("ExtractImagePatches",
           lambda x: tf.extract_image_patches(x, [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1],
                                              "VALID"),
           _patches_2x2_valid, kind="custom", shapes=(((1, 3, 3, 1),), ((2, 2, 4, 2),))),
    OpSpec("DepthwiseConv2dNative",
           lambda x, f: tf.nn.depthwise_conv2d_native(x, f, [1, 1, 1, 1], "VALID"),
           _depthwise, kind="custom",
           shapes=(((1, 3, 4, 2), (2, 2, 2, 2)), ((2, 3, 3, 1), (3, 2, 1, 3)))),
    OpSpec("DepthwiseConv2dNativeBackpropInput",
           lambda f, g: tf.nn.depthwise_conv2d_native_backprop_input(
               [1, 3, 4, 2], f, g, [1, 1, 1, 1], "VALID"),
           lambda f, g: _depthwise_input_grad(f, g, (1, 3, 4, 2)), kind="custom",
           shapes=(((2, 2, 2, 2), (1, 2, 3, 4)),)),
    OpSpec("DepthwiseConv2dNativeBackpropFilter",
           lambda x, g: tf.nn.depthwise_conv2d_native_backprop_filter(
               x, [2, 2, 2, 2], g, [1, 1, 1, 1], "VALID"),
           lambda x, g: _depthwise_filter_grad(x, g, (2, 2, 2, 2)), kind="custom",
           shapes=(((1, 3, 4, 2), (1, 2, 3, 4)),)),
    OpSpec("MaxPoolWithArgmax",
           lambda x: tf.nn.max_pool_with_argmax(x, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")[0],
           _max_pool_2x2, kind="custom", shapes=(((1, 4, 4, 2),), ((2, 2, 6, 1),)),
           grad_order=1),
    OpSpec("Conv3D", lambda x, f: tf.nn.conv3d(x, f, [1, 1, 1, 1, 1], "VALID"),
           _conv3d_valid, kind="custom",
           shapes=(((1, 3, 3, 2, 2), (2, 2, 1, 2, 3)), ((2, 2, 3, 3, 1), (1, 2, 2, 1, 2)))),
    OpSpec("Conv3DBackpropInputV2",
           lambda f, g: tf.nn.conv3d_transpose(g, f, [1, 3, 3, 2, 2], [1, 1, 1, 1, 1],
                                               "VALID"),
           lambda f, g: _conv3d_input_grad(f, g, (1, 3, 3, 2, 2)), kind="custom",
           shapes=(((2, 2, 1, 2, 3), (1, 2, 2, 2, 3)),)),
    OpSpec("Conv3DBackpropFilterV2",
           lambda x, g: tf.nn.conv3d_backprop_filter_v2(x, [2, 2, 1, 2, 3], g, [1, 1, 1, 1, 1],
                                                        "VALID"),
           lambda x, g: _conv3d_filter_grad(x, g, (2, 2, 1, 2, 3)), kind="custom",
           shapes=(((1, 3, 3, 2, 2), (1, 2, 2, 2, 3)),)),
    OpSpec("MaxPool3D", lambda x: tf.nn.max_pool3d(x, 2, 2, "VALID"),
           lambda x: _pool3d_2x2x2(x, "max"), kind="custom",
           shapes=(((1, 2, 4, 2, 1),), ((2, 2, 2, 2, 3),)), grad_order=1),
    OpSpec("AvgPool3D", lambda x: tf.nn.avg_pool3d(x, 2, 2, "VALID"),
           lambda x: _pool3d_2x2x2(x, "avg"), kind="custom",
           shapes=(((1, 2, 4, 2, 1),), ((2, 2, 2, 2, 3),))),
    OpSpec("MaxPool3DGrad", lambda x: tf.gradients(tf.nn.max_pool3d(x * x, 2, 2, "VALID"),
                                                   x)[0],
           lambda x: _max_pool3d_grad_reference(x), kind="custom",
           shapes=(((1, 2, 2, 2, 1),), ((1, 2, 4, 2, 2),)), low=0.2, grad_order=2),
    OpSpec("AvgPool3DGrad", lambda x: tf.gradients(tf.nn.avg_pool3d(x * x, 2, 2, "VALID"),
                                                   x)[0],
           lambda x: 2 * x / 8, kind="custom", shapes=(((1, 2, 2, 2, 1),), ((1, 2, 4, 2, 2),))),
    # ---- matrix diagonals and bands
    OpSpec("MatrixBandPart", lambda x: tf.matrix_band_part(x, 1, 0),
           lambda x: _band(x, 1, 0), kind="custom", shapes=(((3, 4),), ((2, 3, 3),))),
    OpSpec("MatrixDiagV3", lambda d: tf.linalg.diag(d, k=1), _diag_k1, kind="custom",
           shapes=(((3,),), ((2, 2),))),
    OpSpec("MatrixDiagPartV3", lambda x: tf.linalg.diag_part(x),
           lambda x: np.diagonal(x, axis1=-2, axis2=-1), kind="custom",
           shapes=(((3, 4),), ((2, 3, 3),))),
    OpSpec("MatrixSetDiagV3", lambda x, d: tf.linalg.set_diag(x, d), _set_diag,
           kind="custom", shapes=(((3, 3), (3,)), ((2, 2, 3), (2, 2)))),
    # ---- dense linear algebra
    OpSpec("MatrixInverse", lambda x: tf.linalg.inv(x + 4 * _eye_like(x)),
           lambda x: np.linalg.inv(x + 4 * np.eye(x.shape[-1])), kind="custom",
           shapes=SQUARE, low=-1.0, high=1.0),
    OpSpec("MatrixDeterminant", tf.linalg.det, np.linalg.det, kind="custom", shapes=SQUARE),
    OpSpec("LogMatrixDeterminant", lambda x: tf.linalg.slogdet(_spd(x))[1],
           lambda x: np.linalg.slogdet(_np_spd(x))[1], kind="custom", shapes=SQUARE),
    OpSpec("Cholesky", lambda x: tf.linalg.cholesky(_spd(x)),
           lambda x: np.linalg.cholesky(_np_spd(x)), kind="custom", shapes=SQUARE),
    OpSpec("MatrixSolve", lambda a, b: tf.linalg.solve(a + 4 * _eye_like(a), b),
           lambda a, b: np.linalg.solve(a + 4 * np.eye(a.shape[-1]), b), kind="custom",
           shapes=PAIR, low=-1.0, high=1.0),
    OpSpec("MatrixTriangularSolve",
           lambda a, b: tf.linalg.triangular_solve(a + 4 * _eye_like(a), b),
           lambda a, b: np.linalg.solve(np.tril(a + 4 * np.eye(a.shape[-1])), b),
           kind="custom", shapes=PAIR, low=-1.0, high=1.0),
    OpSpec("MatrixSquareRoot", lambda x: tf.linalg.sqrtm(_spd(x)),
           lambda x: _sqrtm_spd(_np_spd(x)), kind="custom", shapes=(((3, 3),), ((2, 2),)),
           low=-1.0, high=1.0, grad_order=1),
    OpSpec("MatrixExponential", lambda x: tf.linalg.expm(x), _expm, kind="custom",
           shapes=(((3, 3),), ((2, 2),)), low=-1.0, high=1.0),
    OpSpec("Svd", lambda x: tf.linalg.svd(x, compute_uv=False),
           lambda x: np.linalg.svd(x, compute_uv=False), kind="custom",
           shapes=(((3, 2),), ((2, 3),), ((2, 2, 2),)), grad_order=1),
    OpSpec("SelfAdjointEigV2", lambda x: tf.linalg.eigvalsh(_spd(x)),
           lambda x: np.linalg.eigvalsh(_np_spd(x)), kind="custom", shapes=SQUARE,
           grad_order=1),
    OpSpec("Lu", lambda x: tf.linalg.lu_reconstruct(*tf.linalg.lu(x + 4 * _eye_like(x))),
           lambda x: x + 4 * np.eye(x.shape[-1]), kind="custom", shapes=SQUARE,
           low=-1.0, high=1.0, grad_order=0),
    OpSpec("MatrixLogarithm",
           lambda x: tf.math.real(tf.linalg.logm(tf.complex(_spd(x), tf.zeros_like(x)))),
           lambda x: (lambda w, v: (v * np.log(w)) @ v.T)(*np.linalg.eigh(_np_spd(x))),
           kind="custom", shapes=(((3, 3),), ((2, 2),)), grad_order=0),
    OpSpec("TridiagonalSolve", lambda x, b: tf.linalg.tridiagonal_solve(_dominant(x), b),
           lambda x, b: np.linalg.solve(_tridiagonal(_np_dominant(x)), b), kind="custom",
           shapes=(((3, 3), (3, 2)), ((3, 4), (4, 1)))),
    OpSpec("TridiagonalMatMul", lambda x, b: tf.linalg.tridiagonal_matmul(x, b),
           lambda x, b: _tridiagonal(x) @ b, kind="custom",
           shapes=(((3, 3), (3, 2)), ((3, 4), (4, 1)))),
    OpSpec("Cross", tf.linalg.cross, np.cross, kind="custom",
           shapes=(((3,), (3,)), ((2, 3), (2, 3)))),
    OpSpec("ConjugateTranspose",
           lambda x, y: tf.math.imag(conjugate_transpose(tf.complex(x, y), [1, 0])),
           lambda x, y: -y.T, kind="custom", shapes=(((2, 3), (2, 3)),), grad_order=1),
    # ---- Fourier transforms (through real parts)
    *[OpSpec(op_type, lambda x, y, fn=fn: tf.math.real(fn(tf.complex(x, y))),
             lambda x, y, ref=ref: np.real(ref(x + 1j * y)), kind="custom", shapes=shapes,
             grad_order=1)
      for op_type, fn, ref, shapes in [
          ("FFT", tf.signal.fft, np.fft.fft, COMPLEX_1D),
          ("IFFT", tf.signal.ifft, np.fft.ifft, COMPLEX_1D),
          ("FFT2D", tf.signal.fft2d, np.fft.fft2, COMPLEX_1D),
          ("IFFT2D", tf.signal.ifft2d, np.fft.ifft2, COMPLEX_1D),
          ("FFT3D", tf.signal.fft3d, lambda z: np.fft.fftn(z, axes=(-3, -2, -1)), COMPLEX_3D),
          ("IFFT3D", tf.signal.ifft3d, lambda z: np.fft.ifftn(z, axes=(-3, -2, -1)),
           COMPLEX_3D)]],
    *[OpSpec(op_type, lambda x, fn=fn: tf.math.imag(fn(x)) + tf.math.real(fn(x)),
             lambda x, ref=ref: np.imag(ref(x)) + np.real(ref(x)), kind="custom",
             shapes=shapes, grad_order=1)
      for op_type, fn, ref, shapes in [
          ("RFFT", tf.signal.rfft, np.fft.rfft, (((6,),), ((2, 5),))),
          ("RFFT2D", tf.signal.rfft2d, np.fft.rfft2, (((3, 4),), ((2, 2, 5),))),
          ("RFFT3D", tf.signal.rfft3d, lambda z: np.fft.rfftn(z, axes=(-3, -2, -1)),
           (((2, 3, 4),),))]],
    *[OpSpec(op_type, lambda x, y, fn=fn: fn(tf.complex(x, y)),
             lambda x, y, ref=ref: ref(x + 1j * y), kind="custom", shapes=shapes,
             grad_order=1)
      for op_type, fn, ref, shapes in [
          ("IRFFT", tf.signal.irfft, np.fft.irfft, (((4,), (4,)), ((2, 5), (2, 5)))),
          ("IRFFT2D", tf.signal.irfft2d, np.fft.irfft2, (((3, 4), (3, 4)),)),
          ("IRFFT3D", tf.signal.irfft3d, lambda z: np.fft.irfftn(z, axes=(-3, -2, -1)),
           (((2, 2, 3), (2, 2, 3)),))]],
]

COVERED_ELSEWHERE = {"MaxPool3DGradGrad": "the second-order check of MaxPool3DGrad above"}
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["BitwiseAnd", "BitwiseOr", "BitwiseXor", "Invert", "LeftShift", "RightShift",
     "BroadcastArgs", "HistogramFixedWidth", "LowerBound", "UpperBound", "UniqueWithCounts",
     "UnravelIndex", "StatelessRandomGetKeyCounter", "StatelessRandomUniformV2",
     "StatelessRandomNormalV2", "StatelessTruncatedNormalV2", "StatelessRandomUniformIntV2",
     "StatelessMultinomial", "UniformCandidateSampler", "LogUniformCandidateSampler",
     "AllCandidateSampler", "ComputeAccidentalHits", "Dilation2D", "Dilation2DBackpropInput",
     "Dilation2DBackpropFilter"],
    "tests/ops/test_numeric_ops.py and conformance/cases/{array2,random2,nn2}"))

