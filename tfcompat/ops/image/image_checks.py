"""Shape checks and batching shared by the tf.image functions (TF's image_ops helpers)."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.ops import array_ops, control_flow_ops


def is_tensor(x) -> bool:
    return isinstance(x, (ops.Tensor,))


def image_dimensions(image, rank: int) -> list:
    """Static dimensions where known, else scalar tensors of the dynamic shape (TF's helper)."""
    static = image.shape.with_rank(rank).as_list()
    if all(d is not None for d in static):
        return static
    dynamic = array_ops.shape(image)
    return [s if s is not None else dynamic[i] for i, s in enumerate(static)]


def check_at_least_3d(image) -> None:
    shape = image.shape
    if shape.ndims is not None and shape.ndims < 3:
        raise ValueError(f"'image' (shape {shape}) must be at least three-dimensional.")
    if shape.ndims is not None and any(d == 0 for d in shape.as_list()[-3:]):
        raise ValueError(f"inner 3 dims of 'image.shape' must be > 0: {shape}")


def assert_at_least_3d(image):
    check_at_least_3d(image)
    return control_flow_ops.with_dependencies([], image)


def as_batch(image, message: str):
    """The image as a 4-D batch, and whether it was one already."""
    ndims = image.shape.ndims
    if ndims == 3:
        return array_ops.expand_dims(image, 0), False
    if ndims == 4:
        return image, True
    raise ValueError(message)


def unbatch(image, is_batch: bool):
    return image if is_batch else array_ops.squeeze(image, axis=[0])
