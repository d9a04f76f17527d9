"""The resize ops: ResizeBilinear, ResizeNearestNeighbor and their gradients, TF CPU semantics.

Images are NHWC; ``size`` is an int32 ``[new_height, new_width]``. ResizeBilinear always outputs
float32 (interpolating in float32 as TF does); ResizeNearestNeighbor keeps the input dtype.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops
from tfcompat.ops.image.resize_kernels import (
    F32,
    check_resize_input,
    linear_axis,
    nearest_axis,
)

# TF's type lists, in its order (dtype errors list them).
# (bfloat16 twice, as in TF's op registration.)
RESIZE_TYPES = (dtypes.int8, dtypes.uint8, dtypes.int16, dtypes.uint16, dtypes.int32,
                dtypes.int64, dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64,
                dtypes.bfloat16)
NEAREST_TYPES = (dtypes.int8, dtypes.uint8, dtypes.int16, dtypes.uint16, dtypes.int32,
                 dtypes.int64, dtypes.float16, dtypes.float32, dtypes.float64, dtypes.bfloat16)
GRAD_TYPES = (dtypes.float32, dtypes.bfloat16, dtypes.float16, dtypes.float64)
_NN_GRAD_TYPES = (dtypes.uint8, dtypes.int8, dtypes.int32, dtypes.float16, dtypes.float32,
                  dtypes.float64, dtypes.bfloat16)
_RESIZE_ATTRS = {"align_corners": False, "half_pixel_centers": False}
_KERNEL_ATTRS = ("align_corners", "half_pixel_centers")


def _rank4(shape: TensorShape) -> list:
    if shape.ndims is None:
        return [None] * 4
    if shape.ndims != 4:
        raise ShapeError(f"Shape must be rank 4 but is rank {shape.ndims}")
    return list(shape.as_tuple())


def _size_dims(size: Tensor) -> list:
    if size.shape.ndims is not None and size.shape.ndims != 1:
        raise ShapeError(f"Shape must be rank 1 but is rank {size.shape.ndims}")
    count = size.shape.as_tuple()[0] if size.shape.ndims == 1 else None
    if count is not None and count != 2:
        raise ShapeError(f"Dimension must be 2 but is {count}")
    value = tensor_util.constant_value(size)
    if value is None:
        return [None, None]
    # A negative size is a run-time error; statically it is an unknown dimension, as in TF.
    return [int(v) if v >= 0 else None for v in value]


def _resized_shape(op, dtype) -> list:
    images, size = op.inputs[0], op.inputs[1]
    batch, _, _, channels = _rank4(images.shape)
    height, width = _size_dims(size)
    return [(dtype, TensorShape([batch, height, width, channels]))]


def _same_dtype_resized_shape(op) -> list:
    return _resized_shape(op, op.inputs[0].dtype.base_dtype)


def _check_attrs(align_corners: bool, half_pixel_centers: bool) -> None:
    if align_corners and half_pixel_centers:
        raise errors.InvalidArgumentError(
            None, None, "If half_pixel_centers is True, align_corners must be False.")


# ---- ResizeBilinear --------------------------------------------------------------------------

def _bilinear_kernel(images, size, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    height, width = check_resize_input(images, size)
    rows = linear_axis(images.shape[1], height, align_corners, half_pixel_centers)
    cols = linear_axis(images.shape[2], width, align_corners, half_pixel_centers)
    image = images.astype(F32)
    top, bottom = image[:, rows.lower], image[:, rows.upper]
    x_lerp = cols.lerp[:, None]
    top = top[:, :, cols.lower] + (top[:, :, cols.upper] - top[:, :, cols.lower]) * x_lerp
    bottom = (bottom[:, :, cols.lower]
              + (bottom[:, :, cols.upper] - bottom[:, :, cols.lower]) * x_lerp)
    return (top + (bottom - top) * rows.lerp[:, None, None]).astype(F32)


def interpolation_grad(grad_type: str, grad_dtypes):
    """The gradient rule of an interpolating resize: its ``grad_type`` op on the incoming
    gradient and the original image; no gradient for image dtypes outside ``grad_dtypes``."""
    def rule(op, grad):
        image = op.inputs[0]
        if image.dtype.base_dtype not in grad_dtypes:
            return None, None
        attrs = {name: op.get_attr(name) for name in _KERNEL_ATTRS}
        return apply_op(grad_type, [grad, image], attrs=attrs), None
    return rule


register_op("ResizeBilinear", foldable=False,
            inputs=("images: T", "size: int32"), kernel=_bilinear_kernel,
            kernel_attrs=_KERNEL_ATTRS, shape_fn=lambda op: _resized_shape(op, dtypes.float32),
            allowed={"T": RESIZE_TYPES}, attr_defaults=_RESIZE_ATTRS, value_inputs=(1,),
            grad=interpolation_grad("ResizeBilinearGrad", GRAD_TYPES))


def resize_bilinear(images, size, align_corners=False, name=None, half_pixel_centers=False):
    """Resizes ``images`` (4-D NHWC) to ``size`` by bilinear interpolation; float32 result."""
    return apply_op("ResizeBilinear", [images, size], name=name,
                    attrs={"align_corners": align_corners,
                           "half_pixel_centers": half_pixel_centers})


# ---- ResizeBilinearGrad ----------------------------------------------------------------------

def _bilinear_grad_kernel(grads, original_image, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    batch, in_h, in_w, channels = original_image.shape
    out_h, out_w = grads.shape[1], grads.shape[2]
    rows = linear_axis(in_h, out_h, align_corners, half_pixel_centers)
    cols = linear_axis(in_w, out_w, align_corners, half_pixel_centers)
    dtype = original_image.dtype
    # TF adds the four corner terms of each output pixel in (row, column) order; np.add.at is
    # unbuffered and in order, so the float sums round the same way.
    ys = np.broadcast_to(np.stack([rows.lower, rows.lower, rows.upper, rows.upper], -1)[:, None],
                         (out_h, out_w, 4))
    xs = np.broadcast_to(np.stack([cols.lower, cols.upper, cols.lower, cols.upper], -1),
                         (out_h, out_w, 4))
    y_lerp, x_lerp = rows.lerp[:, None], cols.lerp[None, :]
    g = np.moveaxis(grads.astype(F32), 0, 2)  # (out_h, out_w, batch, channels)
    inv_y = (F32(1) - y_lerp)[..., None, None]
    inv_x = (F32(1) - x_lerp)[..., None, None]
    yl, xl = y_lerp[..., None, None], x_lerp[..., None, None]
    terms = np.stack([g * inv_y * inv_x, g * inv_y * xl, g * yl * inv_x, g * yl * xl], 2)
    out = np.zeros((in_h, in_w, batch, channels), dtype)
    np.add.at(out, (ys.reshape(-1), xs.reshape(-1)),
              terms.reshape(out_h * out_w * 4, batch, channels).astype(dtype))
    return np.ascontiguousarray(np.moveaxis(out, 2, 0))


def _bilinear_grad_shape(op):
    grads, image = op.inputs
    _rank4(grads.shape)
    return [(image.dtype.base_dtype, TensorShape(_rank4(image.shape)))]


register_op("ResizeBilinearGrad", foldable=False,
            inputs=("grads: float32", "original_image: T"),
            kernel=_bilinear_grad_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=_bilinear_grad_shape, allowed={"T": GRAD_TYPES},
            attr_defaults=_RESIZE_ATTRS, grad=NOT_DIFFERENTIABLE)


# ---- ResizeNearestNeighbor -------------------------------------------------------------------

def _nearest_kernel(images, size, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    height, width = check_resize_input(images, size)
    rows = nearest_axis(images.shape[1], height, align_corners, half_pixel_centers)
    cols = nearest_axis(images.shape[2], width, align_corners, half_pixel_centers)
    return np.ascontiguousarray(images[:, rows][:, :, cols])


def _nearest_grad(op, grad):
    image = op.inputs[0]
    static = image.shape[1:3]
    if static.is_fully_defined():
        size = list(static.as_tuple())  # converted by the op itself, named <op>/size as in TF
    else:
        size = array_ops.shape(image)[1:3]
    attrs = {name: op.get_attr(name) for name in _KERNEL_ATTRS}
    return apply_op("ResizeNearestNeighborGrad", [grad, size], attrs=attrs), None


register_op("ResizeNearestNeighbor", foldable=False,
            inputs=("images: T", "size: int32"), kernel=_nearest_kernel,
            kernel_attrs=_KERNEL_ATTRS, shape_fn=_same_dtype_resized_shape,
            allowed={"T": NEAREST_TYPES}, attr_defaults=_RESIZE_ATTRS, value_inputs=(1,),
            grad=_nearest_grad)


def resize_nearest_neighbor(images, size, align_corners=False, name=None,
                            half_pixel_centers=False):
    """Resizes ``images`` (4-D NHWC) to ``size`` by nearest-neighbour sampling."""
    return apply_op("ResizeNearestNeighbor", [images, size], name=name,
                    attrs={"align_corners": align_corners,
                           "half_pixel_centers": half_pixel_centers})


# ---- ResizeNearestNeighborGrad (TF registers no gradient for it) -----------------------------

def _nearest_grad_kernel(grads, size, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    in_h, in_w = check_resize_input(grads, size)
    batch, out_h, out_w, channels = grads.shape
    rows = nearest_axis(in_h, out_h, align_corners, half_pixel_centers)
    cols = nearest_axis(in_w, out_w, align_corners, half_pixel_centers)
    ys = np.broadcast_to(rows[:, None], (out_h, out_w)).reshape(-1)
    xs = np.broadcast_to(cols[None, :], (out_h, out_w)).reshape(-1)
    out = np.zeros((in_h, in_w, batch, channels), grads.dtype)
    np.add.at(out, (ys, xs), np.moveaxis(grads, 0, 2).reshape(out_h * out_w, batch, channels))
    return np.ascontiguousarray(np.moveaxis(out, 2, 0))


register_op("ResizeNearestNeighborGrad", foldable=False,
            inputs=("grads: T", "size: int32"),
            kernel=_nearest_grad_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=_same_dtype_resized_shape,
            allowed={"T": _NN_GRAD_TYPES}, attr_defaults=_RESIZE_ATTRS, value_inputs=(1,))
