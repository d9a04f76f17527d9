"""CombinedNonMaxSuppression: per-class greedy NMS over a batch, merged by score (TF CPU).

Per image and class, boxes scoring above ``score_threshold`` are selected greedily (a box is
dropped when its IoU with a selected one exceeds ``iou_threshold``), at most
``max_output_size_per_class`` each; all classes' selections are then ranked by score and the
best ``max_total_size`` kept, boxes optionally clipped to [0, 1], outputs zero-padded.
TF registers no gradient for this op.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.image.nms_ops import _iou_matrix


def _per_class(boxes, scores, limit, iou_threshold, score_threshold):
    order = sorted((i for i in range(len(scores)) if scores[i] > score_threshold),
                   key=lambda i: (-scores[i], i))
    iou = _iou_matrix(boxes)
    selected: list[int] = []
    for i in order:
        if len(selected) == limit:
            break
        if all(iou[i, j] <= iou_threshold for j in reversed(selected)):
            selected.append(i)
    return selected


def _kernel(boxes, scores, max_output_size_per_class, max_total_size, iou_threshold,
            score_threshold, *, pad_per_class, clip_boxes):
    if boxes.ndim != 4 or boxes.shape[3] != 4 or scores.ndim != 3:
        raise errors.InvalidArgumentError(None, None, "boxes must be 4-D [batch, num_boxes, "
                                          "q, 4] and scores 3-D [batch, num_boxes, classes]")
    batch, _, q, _ = boxes.shape
    num_classes = scores.shape[2]
    per_class, total = int(max_output_size_per_class), int(max_total_size)
    if per_class <= 0 or total <= 0:
        raise errors.InvalidArgumentError(None, None, "max_output_size must be > 0")
    size = min(per_class * num_classes, total) if pad_per_class else total
    out_boxes = np.zeros((batch, size, 4), np.float32)
    out_scores = np.zeros((batch, size), np.float32)
    out_classes = np.zeros((batch, size), np.float32)
    valid = np.zeros(batch, np.int32)
    for b in range(batch):
        found = []
        for c in range(num_classes):
            class_boxes = boxes[b, :, c if q > 1 else 0].astype(np.float32)
            for i in _per_class(class_boxes, scores[b, :, c], per_class, np.float32(iou_threshold),
                                np.float32(score_threshold)):
                found.append((-scores[b, i, c], c, i, class_boxes[i]))
        found.sort(key=lambda r: (r[0], r[1]))
        kept = found[:min(len(found), size)]
        valid[b] = len(kept)
        for k, (neg_score, c, _, box) in enumerate(kept):
            out_boxes[b, k] = np.clip(box, 0, 1) if clip_boxes else box
            out_scores[b, k] = -neg_score
            out_classes[b, k] = c
    return out_boxes, out_scores, out_classes, valid


def _shape(op):
    boxes, scores, per_class, total = op.inputs[:4]
    if boxes.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {boxes.shape.ndims}")
    if scores.shape.ndims not in (None, 3):
        raise ShapeError(f"Shape must be rank 3 but is rank {scores.shape.ndims}")
    batch = boxes.shape.as_list()[0] if boxes.shape.ndims else None
    classes = scores.shape.as_list()[2] if scores.shape.ndims else None
    total_v = tensor_util.constant_value(total)
    per_class_v = tensor_util.constant_value(per_class)
    size = None if total_v is None else int(total_v)
    if op._attrs["pad_per_class"]:
        size = (None if size is None or per_class_v is None or classes is None
                else min(int(per_class_v) * classes, size))
    return [(dtypes.float32, TensorShape([batch, size, 4])),
            (dtypes.float32, TensorShape([batch, size])),
            (dtypes.float32, TensorShape([batch, size])),
            (dtypes.int32, TensorShape([batch]))]


register_op("CombinedNonMaxSuppression", foldable=False,
            inputs=("boxes: float32", "scores: float32", "max_output_size_per_class: int32",
                    "max_total_size: int32", "iou_threshold: float32",
                    "score_threshold: float32"),
            kernel=_kernel, kernel_attrs=("pad_per_class", "clip_boxes"), shape_fn=_shape,
            attr_defaults={"pad_per_class": False, "clip_boxes": True}, value_inputs=(2, 3))


def combined_non_max_suppression(boxes, scores, max_output_size_per_class, max_total_size,
                                 iou_threshold=0.5, score_threshold=float("-inf"),
                                 pad_per_class=False, clip_boxes=True, name=None):
    """Per-class greedy NMS over a batch, merged by score: (nmsed_boxes, nmsed_scores,
    nmsed_classes, valid_detections)."""
    with ops.name_scope(name, "combined_non_max_suppression"):
        iou_threshold = convert_to_tensor(iou_threshold, dtype=dtypes.float32,
                                          name="iou_threshold")
        score_threshold = convert_to_tensor(score_threshold, dtype=dtypes.float32,
                                            name="score_threshold")
        max_total_size = convert_to_tensor(max_total_size)
        return tuple(apply_op("CombinedNonMaxSuppression",
                              [boxes, scores, max_output_size_per_class, max_total_size,
                               iou_threshold, score_threshold],
                              attrs={"pad_per_class": pad_per_class, "clip_boxes": clip_boxes}))
