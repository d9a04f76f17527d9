"""SampleDistortedBoundingBox(V2): a random crop covering enough of a given box, drawn from
the op's Philox stream exactly as TF's kernel draws it (one 32-bit word per random number,
``max_attempts`` blocks reserved per run), so seeded results are TF's."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.op_helpers import INTS
from tfcompat.ops.philox import PhiloxStream, philox_at, uint32_to_float

F32 = np.float32


class _Words:
    """TF's SimplePhilox: successive 32-bit words of consecutive Philox blocks."""

    def __init__(self, key: int, counter: int):
        self._key, self._counter, self._block, self._buffer = key, counter, 0, []

    def next(self) -> int:
        if not self._buffer:
            block = philox_at(self._key, self._counter, np.array([self._block], np.uint64))[0]
            self._buffer = [int(w) for w in block]
            self._block += 1
        return self._buffer.pop(0)

    def rand_float(self) -> np.float32:
        return uint32_to_float(np.array([self.next()], np.uint32))[0]

    def uniform(self, n: int) -> int:
        """Exactly uniform in [0, n): power-of-two masks, else rejection of the low remainder."""
        if n & (n - 1) == 0:
            return self.next() & (n - 1)
        rem = (0xFFFFFFFF % n) + 1
        while True:
            word = self.next()
            if word >= rem:
                return word % n


def _rint(x) -> int:
    return int(np.rint(F32(x)))  # lrintf: ties to even


def _random_crop(width, height, min_area_frac, max_area_frac, aspect, words):
    if max_area_frac <= 0 or aspect <= 0 or width <= 0 or height <= 0 or (
            min_area_frac > max_area_frac):
        return None
    min_area = F32(F32(min_area_frac) * F32(width)) * F32(height)
    max_area = F32(F32(max_area_frac) * F32(width)) * F32(height)
    crop_h = _rint(np.sqrt(F32(min_area / aspect)))
    max_h = _rint(np.sqrt(F32(max_area / aspect)))
    if _rint(F32(max_h) * aspect) > width:
        max_h = int((width + 0.5 - float(F32(0.0000001))) / float(aspect))
        if _rint(F32(max_h) * aspect) > width:
            max_h -= 1
    max_h = min(max_h, height)
    crop_h = min(crop_h, max_h)
    if crop_h < max_h:
        crop_h += words.uniform(max_h - crop_h + 1)
    crop_w = _rint(F32(crop_h) * aspect)
    area = F32(crop_w * crop_h)
    if area < min_area:
        crop_h += 1
        crop_w = _rint(F32(crop_h) * aspect)
        area = F32(crop_w * crop_h)
    if area > max_area:
        crop_h -= 1
        crop_w = _rint(F32(crop_h) * aspect)
        area = F32(crop_w * crop_h)
    if (area < min_area or area > max_area or crop_w > width or crop_h > height
            or crop_w <= 0 or crop_h <= 0):
        return None
    y = words.uniform(height - crop_h) if crop_h < height else 0
    x = words.uniform(width - crop_w) if crop_w < width else 0
    return x, y, x + crop_w, y + crop_h


def _area(rect) -> np.float32:
    return F32((rect[2] - rect[0]) * (rect[3] - rect[1]))


def _covers(crop, min_covered, boxes) -> bool:
    if _area(crop) < 1:
        return False
    for box in boxes:
        box_area = _area(box)
        if box_area < 1:
            continue
        lo_x, lo_y = max(crop[0], box[0]), max(crop[1], box[1])
        hi_x, hi_y = min(crop[2], box[2]), min(crop[3], box[3])
        inter = (0, 0, 0, 0) if lo_x > hi_x or lo_y > hi_y else (lo_x, lo_y, hi_x, hi_y)
        if F32(_area(inter) / box_area) >= F32(min_covered):
            return True
    return False


def _bind(op, state):
    streams = state.random_streams
    attrs = op._attrs

    def kernel(image_size, bounding_boxes, min_object_covered=None):
        stream = streams.get(id(op))
        if stream is None:
            stream = streams[id(op)] = PhiloxStream(attrs["seed"], attrs["seed2"])
        covered = attrs.get("min_object_covered", 0.1) if min_object_covered is None else \
            float(min_object_covered)
        if covered < 0:
            raise errors.InvalidArgumentError(
                None, None, f"Min object covered must be non-negative: {covered:g}")
        image_size = np.asarray(image_size)
        if image_size.shape != (3,):
            raise errors.InvalidArgumentError(None, None, "image_size must contain 3 elements")
        height, width = int(image_size[0]), int(image_size[1])
        if bounding_boxes.ndim != 3 or bounding_boxes.shape[-1] != 4:
            raise errors.InvalidArgumentError(
                None, None, "input boxes must be 3-dimensional [batch, num_boxes, coords]")
        boxes = []
        for box in bounding_boxes.reshape(-1, 4).astype(F32):
            if np.any((box < 0) | (box > 1)):
                raise errors.InvalidArgumentError(
                    None, None, "All bounding box coordinates must be in [0.0, 1.0]")
            boxes.append((int(box[1] * F32(width)), int(box[0] * F32(height)),
                          int(box[3] * F32(width)), int(box[2] * F32(height))))
        image_rect = (0, 0, width, height)
        if not boxes:
            if not attrs["use_image_if_no_bounding_boxes"]:
                raise errors.InvalidArgumentError(
                    None, None, "No bounding boxes provided as input. One must enable "
                    "use_image_if_no_bounding_boxes if you wish to not provide any bounding "
                    "boxes.")
            boxes.append(image_rect)
        attempts = attrs["max_attempts"]
        words = _Words(stream.key, stream.reserve(attempts))
        min_area, max_area = (F32(v) for v in attrs["area_range"])
        low_aspect, high_aspect = (F32(v) for v in attrs["aspect_ratio_range"])
        crop = None
        for _ in range(attempts):
            aspect = F32(words.rand_float() * (high_aspect - low_aspect) + low_aspect)
            candidate = _random_crop(width, height, min_area, max_area, aspect, words)
            if candidate is not None and _covers(candidate, covered, boxes):
                crop = candidate
                break
        crop = crop or image_rect
        dtype = image_size.dtype
        begin = np.array([crop[1], crop[0], 0], dtype)
        size = np.array([crop[3] - crop[1], crop[2] - crop[0], -1], dtype)
        bbox = np.array([[[F32(crop[1]) / F32(height), F32(crop[0]) / F32(width),
                           F32(crop[3]) / F32(height), F32(crop[2]) / F32(width)]]], F32)
        return begin, size, bbox
    return kernel


def _shape(op):
    image_size, boxes = op.inputs[:2]
    if image_size.shape.ndims not in (None, 1):
        raise ShapeError(f"Shape must be rank 1 but is rank {image_size.shape.ndims}")
    if boxes.shape.ndims not in (None, 3):
        raise ShapeError(f"Shape must be rank 3 but is rank {boxes.shape.ndims}")
    dtype = image_size.dtype.base_dtype
    return [(dtype, TensorShape([3])), (dtype, TensorShape([3])),
            (dtypes.float32, TensorShape([1, 1, 4]))]


_ATTRS = {"seed": 0, "seed2": 0, "aspect_ratio_range": [0.75, 1.33], "area_range": [0.05, 1.0],
          "max_attempts": 100, "use_image_if_no_bounding_boxes": False}
register_op("SampleDistortedBoundingBoxV2", foldable=False,
            inputs=("image_size: T", "bounding_boxes: float32", "min_object_covered: float32"),
            shape_fn=_shape, bind=_bind, stateful=True, allowed={"T": INTS},
            attr_defaults=_ATTRS, grad=NOT_DIFFERENTIABLE)


def sample_distorted_bounding_box(image_size, bounding_boxes, seed=None, seed2=None,
                                  min_object_covered=0.1, aspect_ratio_range=None,
                                  area_range=None, max_attempts=None,
                                  use_image_if_no_bounding_boxes=None, name=None):
    """(begin, size, bboxes) of a random crop of an ``image_size`` image that covers at least
    ``min_object_covered`` of one of ``bounding_boxes`` (normalised), for tf.slice."""
    with ops.name_scope(name, "sample_distorted_bounding_box"):
        # TF1's wrapper passes seed and seed2 to the op as given (no graph-level seed).
        attrs = {"seed": int(seed or 0), "seed2": int(seed2 or 0)}
        for key, value in (("aspect_ratio_range", aspect_ratio_range), ("area_range", area_range),
                           ("max_attempts", max_attempts),
                           ("use_image_if_no_bounding_boxes", use_image_if_no_bounding_boxes)):
            if value is not None:
                attrs[key] = list(value) if isinstance(value, (list, tuple)) else value
        return apply_op("SampleDistortedBoundingBoxV2",
                        [image_size, bounding_boxes, min_object_covered], name=name,
                        attrs=attrs)
