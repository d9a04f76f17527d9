"""Sampling geometry of TF's resize kernels: per output row/column, which input pixels and weights.

TF computes source coordinates in float32: ``scale = in / out`` (or ``(in - 1) / (out - 1)`` with
``align_corners`` and more than one output), ``src = out * scale`` (legacy) or
``(out + 0.5) * scale - 0.5`` (``half_pixel_centers``). Everything here is float32 arithmetic
as in TF so the coordinates, and therefore the results, match bit for bit.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from tfcompat.framework import errors

F32 = np.float32


def resize_scale(in_size: int, out_size: int, align_corners: bool) -> np.float32:
    # (TF 2.21 measured: a single input pixel is scaled as without align_corners.)
    if align_corners and out_size > 1 and in_size > 1:
        return F32(in_size - 1) / F32(out_size - 1)
    return F32(in_size) / F32(out_size)


class LinearAxis(NamedTuple):
    lower: np.ndarray  # int64 index of the lower neighbour, per output position
    upper: np.ndarray
    lerp: np.ndarray  # float32 weight of the upper neighbour


def linear_axis(in_size: int, out_size: int, align_corners: bool, half_pixel: bool) -> LinearAxis:
    scale = resize_scale(in_size, out_size, align_corners)
    positions = np.arange(out_size, dtype=F32)
    src = (positions + F32(0.5)) * scale - F32(0.5) if half_pixel else positions * scale
    floor = np.floor(src)
    lower = np.maximum(floor.astype(np.int64), 0)
    upper = np.minimum(np.ceil(src).astype(np.int64), in_size - 1)
    return LinearAxis(lower, upper, (src - floor).astype(F32))


def nearest_axis(in_size: int, out_size: int, align_corners: bool, half_pixel: bool) -> np.ndarray:
    """Input index per output position (TF's ResizeNearestNeighbor, also used by its gradient)."""
    scale = resize_scale(in_size, out_size, align_corners)
    positions = np.arange(out_size, dtype=F32)
    # The nearest-neighbour half-pixel rule has no -0.5: it picks the pixel containing the centre.
    src = (positions + F32(0.5)) * scale if half_pixel else positions * scale
    floor = np.floor(src)
    # roundf rounds halves away from zero; src is never negative here.
    index = np.where(src - floor >= F32(0.5), floor + 1, floor) if align_corners else floor
    index = np.minimum(index.astype(np.int64), in_size - 1)
    return np.maximum(index, 0) if half_pixel else index


def check_resize_input(images: np.ndarray, size: np.ndarray) -> tuple[int, int]:
    """TF's run-time checks of a resize's image and size, in its order; the output size."""
    if images.ndim != 4:
        dims = ",".join(str(d) for d in images.shape)
        raise errors.InvalidArgumentError(None, None, f"input must be 4-dimensional[{dims}]")
    if images.shape[3] == 0:
        raise errors.InvalidArgumentError(None, None, "image must have at least one channel")
    if images.shape[1] == 0 or images.shape[2] == 0:
        raise errors.InvalidArgumentError(None, None, "input image must be of non-zero size")
    size = np.asarray(size)
    if size.ndim != 1:
        raise errors.InvalidArgumentError(
            None, None, f"shape_t must be 1-dimensional{list(size.shape)}".replace(" ", ""))
    if size.shape[0] != 2:
        raise errors.InvalidArgumentError(None, None,
                                          f"shape_t must have two elements[{size.size}]")
    height, width = (int(v) for v in size)
    if height <= 0 or width <= 0:
        raise errors.InvalidArgumentError(None, None, "output dimensions must be positive")
    return height, width
