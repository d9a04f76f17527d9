"""tf.image's random_crop, sobel_edges and draw_bounding_boxes (DrawBoundingBoxes, V2)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, slicing_ops


def sobel_edges(image):
    """Sobel derivatives ``[..., 2]`` (dy, dx) of a 4-D image with reflected borders."""
    static_shape = image.shape
    image_shape = array_ops.shape(image)
    padded = slicing_ops.pad(image, [[0, 0], [1, 1], [1, 1], [0, 0]], mode="REFLECT")
    height, width = image_shape[1], image_shape[2]

    def tap(dy: int, dx: int):
        return slicing_ops.slice(padded, array_ops.stack([0, dy, dx, 0]),
                                 array_ops.stack([-1, height, width, -1]))

    # Kernels [[-1,-2,-1],[0,0,0],[1,2,1]] (dy) and its transpose (dx), as sums of taps.
    dy = (tap(2, 0) + 2 * tap(2, 1) + tap(2, 2)) - (tap(0, 0) + 2 * tap(0, 1) + tap(0, 2))
    dx = (tap(0, 2) + 2 * tap(1, 2) + tap(2, 2)) - (tap(0, 0) + 2 * tap(1, 0) + tap(2, 0))
    output = array_ops.stack([dy, dx], axis=-1)
    output = array_ops.reshape(output, array_ops.concat([image_shape, [2]], 0))
    output.set_shape(static_shape.concatenate(TensorShape([2])))
    return output


# ---- DrawBoundingBoxes (not differentiable) / DrawBoundingBoxesV2 (no gradient entry), as TF --

_DEFAULT_COLORS = np.array([[1, 1, 0, 1], [0, 0, 1, 1], [1, 0, 0, 1], [0, 1, 0, 1],
                            [0.5, 0, 0.5, 1], [0.5, 0.5, 0, 1], [0.5, 0, 0, 1], [0, 0, 0.5, 1],
                            [0, 1, 1, 1], [1, 0, 1, 1]], np.float32)


def _draw_kernel(images, boxes, colors=None):
    if images.ndim != 4:
        raise errors.InvalidArgumentError(None, None, "The rank of the images should be 4")
    depth = images.shape[3]
    if depth not in (1, 3, 4):
        raise errors.InvalidArgumentError(
            None, None, "Channel depth should be either 1 (GRY), 3 (RGB), or 4 (RGBA)")
    if boxes.ndim != 3 or boxes.shape[0] != images.shape[0] or boxes.shape[2] != 4:
        raise errors.InvalidArgumentError(None, None, "boxes must be [batch, num_boxes, 4]")
    table = _DEFAULT_COLORS if colors is None or colors.size == 0 else colors.astype(np.float32)
    if table.ndim != 2 or table.shape[1] < depth:
        raise errors.InvalidArgumentError(
            None, None, "Color tensor's channel depth should be at least as large as images'")
    canvas = images.copy()
    height, width = images.shape[1], images.shape[2]
    for b in range(boxes.shape[0]):
        for k in range(boxes.shape[1]):
            color = table[k % len(table), :depth].astype(images.dtype)
            y0, x0, y1, x1 = (np.float32(v) for v in boxes[b, k])
            # float -> int64 truncates toward zero, as TF's static_cast does.
            top, bottom = int(y0 * np.float32(height - 1)), int(y1 * np.float32(height - 1))
            left, right = int(x0 * np.float32(width - 1)), int(x1 * np.float32(width - 1))
            if top > bottom or left > right:
                continue  # inverted: TF logs a warning and skips it
            if top >= height or bottom < 0 or left >= width or right < 0:
                continue  # entirely outside
            r0, r1 = max(top, 0), min(bottom, height - 1)
            c0, c1 = max(left, 0), min(right, width - 1)
            if top >= 0:
                canvas[b, top, c0:c1 + 1] = color
            if bottom < height:
                canvas[b, bottom, c0:c1 + 1] = color
            if left >= 0:
                canvas[b, r0:r1 + 1, left] = color
            if right < width:
                canvas[b, r0:r1 + 1, right] = color
    return canvas


def _draw_shape(op):
    images = op.inputs[0]
    if images.shape.ndims is not None and images.shape.ndims != 4:
        raise ShapeError(f"Shape must be rank 4 but is rank {images.shape.ndims}")
    if op.inputs[1].shape.ndims is not None and op.inputs[1].shape.ndims != 3:
        raise ShapeError(f"Shape must be rank 3 but is rank {op.inputs[1].shape.ndims}")
    return [(images.dtype.base_dtype, images.shape)]


register_op("DrawBoundingBoxes", foldable=False,
            inputs=("images: T", "boxes: float32"), kernel=_draw_kernel,
            shape_fn=_draw_shape, allowed={"T": (dtypes.float32, dtypes.float16)},
            grad=NOT_DIFFERENTIABLE)
register_op("DrawBoundingBoxesV2", foldable=False,
            inputs=("images: T", "boxes: float32", "colors: float32"),
            kernel=_draw_kernel, shape_fn=_draw_shape,
            allowed={"T": (dtypes.float32, dtypes.float16)})


def draw_bounding_boxes(images, boxes, name=None, colors=None):
    """Draws one-pixel box outlines (normalised ``[y_min, x_min, y_max, x_max]``) on images."""
    if colors is None:
        return apply_op("DrawBoundingBoxes", [images, boxes], name=name)
    return apply_op("DrawBoundingBoxesV2", [images, boxes, colors], name=name)

