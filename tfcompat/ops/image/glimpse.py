"""ExtractGlimpse: fixed-size windows of a batch of images at per-image offsets (TF1's op).

Offsets are ``(y, x)``, normalised to the image size and/or relative to its centre. Window
pixels outside the image are noise, as in TF: uniform between the image's min and max
(``uniform_noise``) or Gaussian with each channel's mean and deviation, clipped to its range.
TF's noise comes from an unseeded generator, so only in-image pixels are reproducible.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape

F32 = np.float32
_NOISE_RNG = np.random.default_rng()


def _window_origin(offset, in_size: int, size: int, centered: bool, normalized: bool) -> int:
    """The window's first row/column (TF 2.21 measured: centred offsets are halved, and the
    window is centred on the offset, whether or not the offset is normalised)."""
    pos = F32(offset)
    if normalized:
        pos = F32(pos * F32(in_size))
    if centered:
        pos = F32(F32(pos / F32(2)) + F32(in_size) / F32(2))
    pos = F32(pos - F32(size) / F32(2))
    return int(pos)  # truncation toward zero, as TF's cast


def _noise(image: np.ndarray, height: int, width: int, uniform: bool) -> np.ndarray:
    if uniform:
        low, span = image.min(), F32(image.max() - image.min())
        return (low + _NOISE_RNG.random((height, width, image.shape[-1]), F32) * span).astype(F32)
    mean = image.mean(axis=(0, 1))
    sigma = np.sqrt(((image - mean) ** 2).mean(axis=(0, 1)))
    noise = mean + _NOISE_RNG.standard_normal((height, width, image.shape[-1])) * sigma
    return np.clip(noise, image.min(axis=(0, 1)), image.max(axis=(0, 1))).astype(F32)


def _kernel(images, size, offsets, *, centered, normalized, uniform_noise, noise):
    if images.ndim != 4:
        raise errors.InvalidArgumentError(None, None, "input must be 4-dimensional")
    size = np.asarray(size)
    if size.shape != (2,):
        raise errors.InvalidArgumentError(None, None, "input must be a vector of size 2 (h, w)")
    height, width = int(size[0]), int(size[1])
    if offsets.shape != (images.shape[0], 2):
        raise errors.InvalidArgumentError(None, None, "offsets must be [batch_size, 2]")
    batch, in_h, in_w, depth = images.shape
    out = np.empty((batch, height, width, depth), F32)
    for b in range(batch):
        image = images[b].astype(F32)
        top = _window_origin(offsets[b, 0], in_h, height, centered, normalized)
        left = _window_origin(offsets[b, 1], in_w, width, centered, normalized)
        inside = 0 <= top and top + height < in_h and 0 <= left and left + width < in_w
        if not inside:
            out[b] = (np.zeros((height, width, depth), F32) if noise == "zero"
                      else _noise(image, height, width, uniform_noise))
        r0, r1 = max(top, 0), min(top + height, in_h)
        c0, c1 = max(left, 0), min(left + width, in_w)
        if r1 > r0 and c1 > c0:
            out[b, r0 - top:r1 - top, c0 - left:c1 - left] = image[r0:r1, c0:c1]
    return out


def _shape(op):
    images, size, offsets = op.inputs
    if images.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {images.shape.ndims}")
    if offsets.shape.ndims not in (None, 2):
        raise ShapeError(f"Shape must be rank 2 but is rank {offsets.shape.ndims}")
    dims = images.shape.as_list() if images.shape.ndims else [None] * 4
    value = tensor_util.constant_value(size)
    height, width = (None, None) if value is None else (int(v) for v in value)
    return [(dtypes.float32, TensorShape([dims[0], height, width, dims[3]]))]


register_op("ExtractGlimpse", foldable=False,
            inputs=("input: float32", "size: int32", "offsets: float32"), kernel=_kernel,
            kernel_attrs=("centered", "normalized", "uniform_noise", "noise"), shape_fn=_shape,
            attr_defaults={"centered": True, "normalized": True, "uniform_noise": True,
                           "noise": "uniform"},
            value_inputs=(1,), grad=NOT_DIFFERENTIABLE)


def extract_glimpse(input, size, offsets, centered=True, normalized=True,  # noqa: A002
                    uniform_noise=True, name=None):
    """Extracts ``size = [height, width]`` glimpses at ``offsets`` ``[batch, 2]`` (y, x)."""
    return apply_op("ExtractGlimpse", [input, size, offsets], name=name,
                    attrs={"centered": centered, "normalized": normalized,
                           "uniform_noise": uniform_noise, "noise": "uniform"})
