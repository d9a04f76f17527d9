"""Float64 references of the image ops, written from their definitions."""

import numpy as np


def nearest_reference(images, size, align_corners=False):
    """Nearest-neighbour resize from its definition: source = floor(out * in / out_size)."""
    _, in_h, in_w, _ = images.shape
    out_h, out_w = size

    def axis(n_in, n_out):
        if align_corners and n_out > 1:
            return np.minimum(np.floor(np.arange(n_out) * (n_in - 1) / (n_out - 1) + 0.5),
                              n_in - 1).astype(int)
        return np.minimum(np.floor(np.arange(n_out) * n_in / n_out), n_in - 1).astype(int)

    return images[:, axis(in_h, out_h)][:, :, axis(in_w, out_w)]


def bilinear_reference(images, size, align_corners, half_pixel):
    """Bilinear interpolation from its definition, in float64."""
    _, in_h, in_w, _ = images.shape

    def axis(n_in, n_out):
        scale = (n_in - 1) / (n_out - 1) if align_corners and n_out > 1 else n_in / n_out
        pos = np.arange(n_out, dtype=np.float64)
        src = (pos + 0.5) * scale - 0.5 if half_pixel else pos * scale
        lower = np.clip(np.floor(src), 0, n_in - 1).astype(int)
        upper = np.clip(np.ceil(src), 0, n_in - 1).astype(int)
        return lower, upper, src - np.floor(src)

    y0, y1, fy = axis(in_h, size[0])
    x0, x1, fx = axis(in_w, size[1])
    fy, fx = fy[None, :, None, None], fx[None, None, :, None]
    top = images[:, y0][:, :, x0] * (1 - fx) + images[:, y0][:, :, x1] * fx
    bottom = images[:, y1][:, :, x0] * (1 - fx) + images[:, y1][:, :, x1] * fx
    return top * (1 - fy) + bottom * fy


def area_reference(images, size):
    """Area resize from its definition: each output cell's coverage-weighted input mean."""
    _, in_h, in_w, _ = images.shape

    def coverage(n_in, n_out):
        scale = n_in / n_out
        weights = np.zeros((n_out, n_in))
        for out in range(n_out):
            lo, hi = out * scale, (out + 1) * scale
            for i in range(n_in):
                weights[out, i] = max(0.0, min(hi, i + 1) - max(lo, i)) / scale
        return weights

    return np.einsum("yh,xw,nhwc->nyxc", coverage(in_h, size[0]), coverage(in_w, size[1]),
                     images)


def cubic_weights_sum_to_one_reference(images, size):
    """A constant image stays constant under bicubic resizing (the weights sum to one)."""
    return np.broadcast_to(images[:, :1, :1], (images.shape[0], *size, images.shape[3]))
