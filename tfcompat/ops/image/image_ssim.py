"""tf.image.ssim and ssim_multiscale (structural similarity with an 11x11 Gaussian window).

TF filters each channel with ``depthwise_conv2d``; tfcompat, which has no depthwise convolution
yet, folds the channels into the batch and uses Conv2D with the same single-channel Gaussian:
the same sums, possibly added in another order (float32 rounding only).
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.ops import array_ops, conv_ops, math_ops, nn_ops, slicing_ops
from tfcompat.ops.image.image_color import convert_image_dtype

_MSSSIM_WEIGHTS = (0.0448, 0.2856, 0.3001, 0.2363, 0.1333)


def _gaussian_window(size: int, sigma):
    coords = math_ops.cast(math_ops.range(size), sigma.dtype)
    coords -= math_ops.cast(size - 1, sigma.dtype) / 2.0
    g = math_ops.square(coords)
    g *= -0.5 / math_ops.square(sigma)
    g = array_ops.reshape(g, [1, -1]) + array_ops.reshape(g, [-1, 1])
    g = nn_ops.softmax(array_ops.reshape(g, [1, -1]))
    return array_ops.reshape(g, [size, size, 1, 1])


def _filter_channels(x, kernel):
    """Each channel of ``[..., h, w, c]`` filtered by ``kernel`` (VALID)."""
    shape = array_ops.shape(x)
    x = array_ops.reshape(x, array_ops.concat([[-1], shape[-3:]], 0))
    planes = array_ops.expand_dims(array_ops.transpose(x, [0, 3, 1, 2]), -1)
    planes_shape = array_ops.shape(planes)
    flat = array_ops.reshape(planes, array_ops.concat([[-1], planes_shape[2:]], 0))
    filtered = conv_ops.conv2d(flat, kernel, strides=[1, 1, 1, 1], padding="VALID")
    out_hw = array_ops.shape(filtered)[1:3]
    filtered = array_ops.reshape(filtered, array_ops.concat(
        [[-1], shape[-1:], out_hw], 0))
    filtered = array_ops.transpose(filtered, [0, 2, 3, 1])
    return array_ops.reshape(filtered, array_ops.concat(
        [shape[:-3], array_ops.shape(filtered)[1:]], 0))


def _ssim_per_channel(img1, img2, max_val, filter_size, filter_sigma, k1, k2,
                      return_index_map=False):
    sigma = convert_to_tensor(filter_sigma, dtype=img1.dtype)
    kernel = _gaussian_window(filter_size, sigma)

    def reducer(x):
        return _filter_channels(x, kernel)

    c1 = (k1 * max_val) ** 2
    c2 = (k2 * max_val) ** 2
    mean0, mean1 = reducer(img1), reducer(img2)
    num0 = mean0 * mean1 * 2.0
    den0 = math_ops.square(mean0) + math_ops.square(mean1)
    luminance = (num0 + c1) / (den0 + c1)
    num1 = reducer(img1 * img2) * 2.0
    den1 = reducer(math_ops.square(img1) + math_ops.square(img2))
    cs = (num1 - num0 + c2) / (den1 - den0 + c2)
    if return_index_map:
        ssim_val = luminance * cs
    else:
        ssim_val = math_ops.reduce_mean(luminance * cs, [-3, -2])
    return ssim_val, math_ops.reduce_mean(cs, [-3, -2])


def _prepare(img1, img2, max_val):
    img1 = convert_to_tensor(img1, name="img1")
    img2 = convert_to_tensor(img2, name="img2")
    if img1.shape.ndims is not None and img1.shape.ndims < 3:
        raise ValueError(f"Shape must be at least rank 3 but is rank {img1.shape.ndims}")
    if not img1.shape.is_compatible_with(img2.shape):
        raise ValueError(f"Shapes {img1.shape} and {img2.shape} are incompatible")
    max_val = convert_image_dtype(math_ops.cast(max_val, img1.dtype), dtypes.float32)
    return (convert_image_dtype(img1, dtypes.float32), convert_image_dtype(img2, dtypes.float32),
            max_val)


def ssim(img1, img2, max_val, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03,
         return_index_map=False):
    """Structural similarity of two batches of images ``[..., h, w, c]`` (mean over channels)."""
    with ops.name_scope(None, "SSIM", [img1, img2]):
        img1, img2, max_val = _prepare(img1, img2, max_val)
        per_channel, _ = _ssim_per_channel(img1, img2, max_val, filter_size, filter_sigma, k1,
                                           k2, return_index_map)
        return math_ops.reduce_mean(per_channel, [-1])


def ssim_multiscale(img1, img2, max_val, power_factors=_MSSSIM_WEIGHTS, filter_size=11,
                    filter_sigma=1.5, k1=0.01, k2=0.03):
    """Multi-scale SSIM: SSIM at the finest scale times contrast-structure terms at coarser
    scales (2x2 average pooling between scales, odd sizes padded symmetrically)."""
    with ops.name_scope(None, "MS-SSIM", [img1, img2]):
        img1, img2, max_val = _prepare(img1, img2, max_val)
        imgs = [img1, img2]
        heads = [array_ops.shape(x)[:-3] for x in imgs]
        tails = [array_ops.shape(x)[-3:] for x in imgs]
        divisor = [1, 2, 2, 1]
        divisor_tensor = convert_to_tensor(divisor[1:], dtype=dtypes.int32)
        mcs = []
        per_channel = None
        for k in range(len(power_factors)):
            with ops.name_scope(None, f"Scale{k}", imgs):
                if k > 0:
                    flat = [array_ops.reshape(x, array_ops.concat([[-1], t], 0))
                            for x, t in zip(imgs, tails)]
                    remainder = tails[0] % divisor_tensor
                    padding = slicing_ops.pad(array_ops.expand_dims(remainder, -1),
                                            [[1, 0], [1, 0]])
                    padded = [slicing_ops.pad(x, padding, mode="SYMMETRIC") for x in flat]
                    down = [conv_ops.avg_pool(x, ksize=divisor, strides=divisor,
                                              padding="VALID") for x in padded]
                    tails = [array_ops.shape(x)[1:] for x in down]
                    imgs = [array_ops.reshape(x, array_ops.concat([h, t], 0))
                            for x, h, t in zip(down, heads, tails)]
                per_channel, cs = _ssim_per_channel(imgs[0], imgs[1], max_val, filter_size,
                                                    filter_sigma, k1, k2)
                mcs.append(nn_ops.relu(cs))
        mcs.pop()
        stacked = array_ops.stack(mcs + [nn_ops.relu(per_channel)], axis=-1)
        ms_ssim = math_ops.reduce_prod(math_ops.pow(stacked, power_factors), [-1])
        return math_ops.reduce_mean(ms_ssim, [-1])
