"""Loop-by-loop numpy references for convolution and pooling, written independently of the kernels.

Each output pixel is computed by an explicit Python loop over its window, on small NHWC shapes.
Padding follows TF's documented rule: SAME gives ceil(in / stride) outputs and puts the smaller
half of the total padding before the data.
"""

from __future__ import annotations

import math

import numpy as np


def same_or_valid(size: int, window: int, stride: int, dilation: int, padding) -> tuple:
    """(out, pad_before) for one spatial dim; ``padding`` may be a (before, after) pair."""
    span = dilation * (window - 1) + 1
    if padding == "SAME":
        out = math.ceil(size / stride)
        total = max((out - 1) * stride + span - size, 0)
        return out, total // 2
    before, after = (0, 0) if padding == "VALID" else padding
    return (size + before + after - span) // stride + 1, before


def conv2d(x, w, strides=(1, 1), padding="VALID", dilations=(1, 1)):
    n, h, wd, c = x.shape
    kh, kw, cin, cout = w.shape
    groups = c // cin
    per_group = cout // groups
    pads = padding if isinstance(padding, str) else None
    oh, top = same_or_valid(h, kh, strides[0], dilations[0], pads or padding[0])
    ow, left = same_or_valid(wd, kw, strides[1], dilations[1], pads or padding[1])
    out = np.zeros((n, oh, ow, cout))
    for b in range(n):
        for i in range(oh):
            for j in range(ow):
                for o in range(cout):
                    g = o // per_group
                    total = 0.0
                    for p in range(kh):
                        for q in range(kw):
                            r = i * strides[0] + p * dilations[0] - top
                            s = j * strides[1] + q * dilations[1] - left
                            if 0 <= r < h and 0 <= s < wd:
                                total += np.dot(x[b, r, s, g * cin:(g + 1) * cin], w[p, q, :, o])
                    out[b, i, j, o] = total
    return out


def _taps(x_shape, kernel_hw, dy_shape, strides, padding):
    """Every (batch, out row, out col, kernel row, kernel col, in row, in col) that touches the
    (unpadded) input."""
    n, h, wd, _ = x_shape
    kh, kw = kernel_hw
    _, top = same_or_valid(h, kh, strides[0], 1, padding)
    _, left = same_or_valid(wd, kw, strides[1], 1, padding)
    for b in range(n):
        for i in range(dy_shape[1]):
            for j in range(dy_shape[2]):
                for p in range(kh):
                    for q in range(kw):
                        r, s = i * strides[0] + p - top, j * strides[1] + q - left
                        if 0 <= r < h and 0 <= s < wd:
                            yield b, i, j, p, q, r, s


def conv2d_backprop_input(x_shape, w, dy, strides=(1, 1), padding="VALID"):
    """d(sum(conv2d(x, w) * dy))/dx, by scattering each output's gradient over its window."""
    dx = np.zeros(x_shape)
    for b, i, j, p, q, r, s in _taps(x_shape, w.shape[:2], dy.shape, strides, padding):
        dx[b, r, s, :] += w[p, q] @ dy[b, i, j]
    return dx


def conv2d_backprop_filter(x, w_shape, dy, strides=(1, 1), padding="VALID"):
    dw = np.zeros(w_shape)
    for b, i, j, p, q, r, s in _taps(x.shape, w_shape[:2], dy.shape, strides, padding):
        dw[p, q] += np.outer(x[b, r, s], dy[b, i, j])
    return dw


def _pool_windows(x, ksize, strides, padding):
    """Yields (b, i, j, list of (r, s) in row-major order) for every output pixel."""
    n, h, wd, _ = x.shape
    oh, top = same_or_valid(h, ksize[0], strides[0], 1, padding)
    ow, left = same_or_valid(wd, ksize[1], strides[1], 1, padding)
    for b in range(n):
        for i in range(oh):
            for j in range(ow):
                cells = [(i * strides[0] + p - top, j * strides[1] + q - left)
                         for p in range(ksize[0]) for q in range(ksize[1])]
                yield b, i, j, [(r, s) for r, s in cells if 0 <= r < h and 0 <= s < wd]


def _pool_out(x, ksize, strides, padding):
    oh, _ = same_or_valid(x.shape[1], ksize[0], strides[0], 1, padding)
    ow, _ = same_or_valid(x.shape[2], ksize[1], strides[1], 1, padding)
    return np.zeros((x.shape[0], oh, ow, x.shape[3]))


def max_pool(x, ksize, strides, padding):
    out = _pool_out(x, ksize, strides, padding)
    for b, i, j, cells in _pool_windows(x, ksize, strides, padding):
        out[b, i, j] = np.max([x[b, r, s] for r, s in cells], axis=0)
    return out


def avg_pool(x, ksize, strides, padding):
    out = _pool_out(x, ksize, strides, padding)
    for b, i, j, cells in _pool_windows(x, ksize, strides, padding):
        out[b, i, j] = np.mean([x[b, r, s] for r, s in cells], axis=0)
    return out


def max_pool_grad(x, dy, ksize, strides, padding):
    """Each output's gradient goes to the first maximum of its window (row-major)."""
    dx = np.zeros(x.shape)
    for b, i, j, cells in _pool_windows(x, ksize, strides, padding):
        for ch in range(x.shape[3]):
            values = [x[b, r, s, ch] for r, s in cells]
            r, s = cells[int(np.argmax(values))]
            dx[b, r, s, ch] += dy[b, i, j, ch]
    return dx


def avg_pool_grad(x_shape, dy, ksize, strides, padding):
    dx = np.zeros(x_shape)
    for b, i, j, cells in _pool_windows(np.zeros(x_shape), ksize, strides, padding):
        for r, s in cells:
            dx[b, r, s] += dy[b, i, j] / len(cells)
    return dx
