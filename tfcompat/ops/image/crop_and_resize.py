"""CropAndResize and its gradients (CropAndResizeGradImage, CropAndResizeGradBoxes), TF CPU
semantics: boxes are normalised ``[y1, x1, y2, x2]``; sample positions outside the image take
``extrapolation_value``; a crop of one row or column samples the box centre."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops
from tfcompat.ops.image.resize_ops import NEAREST_TYPES

F32 = np.float32
_METHODS = ("bilinear", "nearest")
_GRAD_IMAGE_TYPES = (dtypes.float32, dtypes.float16, dtypes.float64)


def _sample_axis(lo, hi, in_size: int, crop_size: int):
    """Float32 sample positions along one axis of one box, as TF computes them."""
    if crop_size > 1:
        scale = (hi - lo) * F32(in_size - 1) / F32(crop_size - 1)
        return (lo * F32(in_size - 1) + np.arange(crop_size, dtype=F32) * scale).astype(F32)
    # 0.5 * (lo + hi) is computed in double by TF, then stored as float.
    return np.array([np.float64(0.5) * np.float64(lo + hi) * (in_size - 1)], F32)


def _check_inputs(image, boxes, box_index, crop_size):
    if image.ndim != 4:
        raise errors.InvalidArgumentError(
            None, None, f"input image must be 4-D{list(image.shape)}".replace(" ", ""))
    batch, height, width, _ = image.shape
    if height <= 0 or width <= 0:
        raise errors.InvalidArgumentError(None, None, "image dimensions must be positive")
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise errors.InvalidArgumentError(None, None, "boxes must be 2-D and have 4 columns")
    if box_index.shape != (boxes.shape[0],):
        raise errors.InvalidArgumentError(
            None, None, "box_index has incompatible shape")
    crop_size = np.asarray(crop_size)
    if crop_size.shape != (2,):
        raise errors.InvalidArgumentError(None, None,
                                          "crop_size must be a length-2 vector, got "
                                          f"{crop_size.size}")
    crop_h, crop_w = (int(v) for v in crop_size)
    if crop_h <= 0 or crop_w <= 0:
        raise errors.InvalidArgumentError(None, None, "crop dimensions must be positive")
    if np.any((box_index < 0) | (box_index >= batch)):
        raise errors.OutOfRangeError(None, None,
                                          f"box_index has values outside [0, {batch})")
    return crop_h, crop_w


def _box_geometry(box, height, width, crop_h, crop_w):
    y1, x1, y2, x2 = (F32(v) for v in box)
    in_y = _sample_axis(y1, y2, height, crop_h)
    in_x = _sample_axis(x1, x2, width, crop_w)
    y_ok = (in_y >= 0) & (in_y <= height - 1)
    x_ok = (in_x >= 0) & (in_x <= width - 1)
    return in_y, in_x, y_ok, x_ok


def _round_half_up(pos: np.ndarray) -> np.ndarray:
    """roundf of non-negative positions: halves away from zero."""
    floor = np.floor(pos)
    return np.where(pos - floor >= F32(0.5), floor + 1, floor).astype(np.int64)


def _lerp_indices(pos, ok, size):
    safe = np.where(ok, pos, F32(0))
    low = np.floor(safe).astype(np.int64)
    high = np.minimum(np.ceil(safe).astype(np.int64), size - 1)
    return low, high, (safe - np.floor(safe)).astype(F32)


# ---- CropAndResize ---------------------------------------------------------------------------

def _crop_and_resize_kernel(image, boxes, box_index, crop_size, *, method, extrapolation_value):
    crop_h, crop_w = _check_inputs(image, boxes, box_index, crop_size)
    _, height, width, depth = image.shape
    out = np.empty((boxes.shape[0], crop_h, crop_w, depth), F32)
    fill = F32(extrapolation_value)
    for b, box in enumerate(boxes):
        in_y, in_x, y_ok, x_ok = _box_geometry(box, height, width, crop_h, crop_w)
        img = image[box_index[b]].astype(F32)
        if method == "bilinear":
            top, bottom, y_lerp = _lerp_indices(in_y, y_ok, height)
            left, right, x_lerp = _lerp_indices(in_x, x_ok, width)
            xl = x_lerp[None, :, None]
            t = img[top][:, left] + (img[top][:, right] - img[top][:, left]) * xl
            btm = img[bottom][:, left] + (img[bottom][:, right] - img[bottom][:, left]) * xl
            values = t + (btm - t) * y_lerp[:, None, None]
        else:
            rows = _round_half_up(np.where(y_ok, in_y, F32(0)))
            cols = _round_half_up(np.where(x_ok, in_x, F32(0)))
            values = img[rows][:, cols]
        out[b] = np.where((y_ok[:, None] & x_ok[None, :])[..., None], values, fill)
    return out


def _crop_and_resize_shape(op):
    image, boxes, box_index, crop_size = op.inputs
    image_dims = _with_rank(image.shape, 4)
    boxes_dims = _with_rank(boxes.shape, 2)
    index_dims = _with_rank(box_index.shape, 1)
    if boxes_dims[1] is not None and boxes_dims[1] != 4:
        raise ShapeError(f"Dimension must be 4 but is {boxes_dims[1]}")
    num_boxes = Dimension(boxes_dims[0]).merge_with(Dimension(index_dims[0])).value
    size = tensor_util.constant_value(crop_size)
    crop_h, crop_w = (None, None) if size is None else (int(v) for v in size)
    return [(dtypes.float32, TensorShape([num_boxes, crop_h, crop_w, image_dims[3]]))]


def _with_rank(shape: TensorShape, rank: int) -> list:
    if shape.ndims is None:
        return [None] * rank
    if shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return shape.as_list()


def _crop_and_resize_grad(op, grad):
    image, boxes, box_index, _ = op.inputs
    if image.shape.is_fully_defined():
        image_shape = image.shape.as_list()
    else:
        image_shape = array_ops.shape(image)
    grad_image = None
    if image.dtype.base_dtype in _GRAD_IMAGE_TYPES:
        grad_image = apply_op("CropAndResizeGradImage", [grad, boxes, box_index, image_shape],
                              attrs={"T": image.dtype.base_dtype,
                                     "method": op._attrs["method"]})
    grad_boxes = apply_op("CropAndResizeGradBoxes", [grad, image, boxes, box_index])
    return grad_image, grad_boxes, None, None


register_op("CropAndResize", foldable=False,
            inputs=("image: T", "boxes: float32", "box_ind: int32", "crop_size: int32"),
            kernel=_crop_and_resize_kernel, kernel_attrs=("method", "extrapolation_value"),
            shape_fn=_crop_and_resize_shape, allowed={"T": NEAREST_TYPES},
            attr_defaults={"method": "bilinear", "extrapolation_value": 0.0},
            value_inputs=(3,), grad=_crop_and_resize_grad)


def crop_and_resize(image, boxes, box_ind=None, crop_size=None, method="bilinear",
                    extrapolation_value=0, name=None, box_indices=None):
    """Crops boxes (normalised ``[y1, x1, y2, x2]``) out of batch images and resizes each crop
    to ``crop_size``; float32 ``[num_boxes, crop_height, crop_width, depth]``."""
    box_ind = deprecated_argument_lookup("box_indices", box_indices, "box_ind", box_ind)
    if method not in _METHODS:
        raise ValueError(f"Attr 'method' of 'CropAndResize' Op passed string '{method}' not in: "
                         + ", ".join(f'"{m}"' for m in _METHODS) + ".")
    return apply_op("CropAndResize", [image, boxes, box_ind, crop_size], name=name,
                    attrs={"method": method, "extrapolation_value": float(extrapolation_value)})


# ---- CropAndResizeGradImage (TF registers no gradient for it) --------------------------------

def _grad_image_kernel(grads, boxes, box_index, image_size, *, T, method):
    batch, height, width, depth = (int(v) for v in image_size)
    crop_h, crop_w = grads.shape[1], grads.shape[2]
    dtype = np.dtype(dtypes.as_dtype(T).as_numpy_dtype)
    out = np.zeros((batch, height, width, depth), dtype)
    for b, box in enumerate(boxes):
        in_y, in_x, y_ok, x_ok = _box_geometry(box, height, width, crop_h, crop_w)
        ys, xs = np.nonzero(y_ok[:, None] & x_ok[None, :])
        g = grads[b, ys, xs].astype(F32)  # (k, depth), in TF's (y, x) order
        target = out[box_index[b]]
        if method == "bilinear":
            top, bottom, y_lerp = _lerp_indices(in_y, y_ok, height)
            left, right, x_lerp = _lerp_indices(in_x, x_ok, width)
            yl, xl = y_lerp[ys][:, None], x_lerp[xs][:, None]
            d_top, d_bottom = (F32(1) - yl) * g, yl * g
            rows = np.stack([top[ys], top[ys], bottom[ys], bottom[ys]], 1).reshape(-1)
            cols = np.stack([left[xs], right[xs], left[xs], right[xs]], 1).reshape(-1)
            terms = np.stack([(F32(1) - xl) * d_top, xl * d_top, (F32(1) - xl) * d_bottom,
                              xl * d_bottom], 1).reshape(-1, depth)
        else:
            rows = _round_half_up(in_y[ys])
            cols = _round_half_up(in_x[xs])
            terms = g
        np.add.at(target, (rows, cols), terms.astype(dtype))
    return out


def _grad_image_shape(op):
    grads, boxes, box_index, image_size = op.inputs
    _with_rank(grads.shape, 4)
    size = tensor_util.constant_value_as_shape(image_size)
    shape = size.with_rank(4) if size.ndims is not None else TensorShape([None] * 4)
    return [(op.get_attr("T"), shape)]


register_op("CropAndResizeGradImage", foldable=False,
            inputs=("grads: float32", "boxes: float32", "box_ind: int32", "image_size: int32"),
            kernel=_grad_image_kernel, kernel_attrs=("T", "method"), shape_fn=_grad_image_shape,
            attr_defaults={"method": "bilinear"}, value_inputs=(3,))


# ---- CropAndResizeGradBoxes (TF registers no gradient for it) --------------------------------

def _grad_boxes_kernel(grads, image, boxes, box_index, *, method):
    _, height, width, _ = image.shape
    crop_h, crop_w = grads.shape[1], grads.shape[2]
    out = np.zeros(boxes.shape, F32)
    for b, box in enumerate(boxes):
        in_y, in_x, y_ok, x_ok = _box_geometry(box, height, width, crop_h, crop_w)
        top, bottom, y_lerp = _lerp_indices(in_y, y_ok, height)
        left, right, x_lerp = _lerp_indices(in_x, x_ok, width)
        img = image[box_index[b]].astype(F32)
        tl, tr = img[top][:, left], img[top][:, right]
        bl, br = img[bottom][:, left], img[bottom][:, right]
        xl, yl = x_lerp[None, :, None], y_lerp[:, None, None]
        g = np.where((y_ok[:, None] & x_ok[None, :])[..., None], grads[b].astype(F32), F32(0))
        dy = ((F32(1) - xl) * (bl - tl) + xl * (br - tr)) * g
        dx = ((F32(1) - yl) * (tr - tl) + yl * (br - bl)) * g
        rows = np.arange(crop_h, dtype=F32)[:, None, None]
        cols = np.arange(crop_w, dtype=F32)[None, :, None]
        if crop_h > 1:
            ratio = F32(height - 1) / F32(crop_h - 1)
            y1_weight, y2_weight = F32(height - 1) - rows * ratio, rows * ratio
        else:
            y1_weight = y2_weight = F32(0.5 * (height - 1))
        if crop_w > 1:
            ratio = F32(width - 1) / F32(crop_w - 1)
            x1_weight, x2_weight = F32(width - 1) - cols * ratio, cols * ratio
        else:
            x1_weight = x2_weight = F32(0.5 * (width - 1))
        out[b] = [np.sum(grad * weight, dtype=np.float64) for grad, weight in
                  ((dy, y1_weight), (dx, x1_weight), (dy, y2_weight), (dx, x2_weight))]
    return out


def _grad_boxes_shape(op):
    _with_rank(op.inputs[0].shape, 4)
    return [(dtypes.float32, TensorShape(_with_rank(op.inputs[2].shape, 2)))]


register_op("CropAndResizeGradBoxes", foldable=False,
            inputs=("grads: float32", "image: T", "boxes: float32", "box_ind: int32"),
            kernel=_grad_boxes_kernel, kernel_attrs=("method",), shape_fn=_grad_boxes_shape,
            allowed={"T": NEAREST_TYPES}, attr_defaults={"method": "bilinear"})
