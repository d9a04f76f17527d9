"""Non-max suppression: NonMaxSuppression (V1..V5) and NonMaxSuppressionWithOverlaps, TF CPU.

Greedy selection by score (ties: lower index first). A candidate is dropped when its IoU (or
overlap) with an already selected box reaches the threshold; with ``soft_nms_sigma > 0`` (V5)
scores decay by ``exp(-0.5 * iou^2 / sigma)`` and decayed candidates are re-queued. Only scores
strictly above ``score_threshold`` are candidates. As in TF, V1, V2 and WithOverlaps are marked
not differentiable and V3-V5 have no gradient entry at all.
"""

from __future__ import annotations

import heapq

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops

_NMS_TYPES = (dtypes.float16, dtypes.float32)


def _iou_matrix(boxes: np.ndarray) -> np.ndarray:
    """Pairwise IoU in float32 (corners in any order; empty boxes overlap nothing)."""
    b = boxes.astype(np.float32)
    ymin = np.minimum(b[:, 0], b[:, 2])
    ymax = np.maximum(b[:, 0], b[:, 2])
    xmin = np.minimum(b[:, 1], b[:, 3])
    xmax = np.maximum(b[:, 1], b[:, 3])
    area = (ymax - ymin) * (xmax - xmin)
    inter_h = np.maximum(np.minimum(ymax[:, None], ymax) - np.maximum(ymin[:, None], ymin), 0)
    inter_w = np.maximum(np.minimum(xmax[:, None], xmax) - np.maximum(xmin[:, None], xmin), 0)
    inter = (inter_h * inter_w).astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        iou = inter / (area[:, None] + area - inter)
    empty = (area[:, None] <= 0) | (area[None, :] <= 0)
    return np.where(empty, np.float32(0), iou).astype(np.float32)


def _greedy_select(similarity: np.ndarray, scores: np.ndarray, max_output: int,
                   threshold: float, score_threshold: float, soft_nms_sigma: float = 0.0):
    scores = scores.astype(np.float32)
    threshold, score_threshold = np.float32(threshold), np.float32(score_threshold)
    scale = np.float32(-0.5) / np.float32(soft_nms_sigma) if soft_nms_sigma > 0 else None
    # Entries (-score, index, suppress_begin_index): highest score first, then lowest index.
    queue = [(-s, i, 0) for i, s in enumerate(scores) if s > score_threshold]
    heapq.heapify(queue)
    selected: list[int] = []
    selected_scores: list[np.float32] = []
    while len(selected) < max_output and queue:
        neg_score, index, begin = heapq.heappop(queue)
        original = score = np.float32(-neg_score)
        hard = False
        for j in range(len(selected) - 1, begin - 1, -1):
            sim = similarity[index, selected[j]]
            if scale is not None:
                score = np.float32(score * (np.exp(scale * sim * sim) if sim <= threshold
                                            else np.float32(0)))
            if sim >= threshold:
                hard = True
                break
            if score <= score_threshold:
                break
        if hard:
            continue
        if score == original:
            selected.append(index)
            selected_scores.append(score)
        elif score > score_threshold:
            heapq.heappush(queue, (-score, index, len(selected)))
    return np.array(selected, np.int32), np.array(selected_scores, np.float32)


def _check(boxes, scores, max_output_size, threshold, what="iou_threshold"):
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise errors.InvalidArgumentError(
            None, None, f"boxes must be 2-D{list(boxes.shape)}".replace(" ", "")
            if boxes.ndim != 2 else f"boxes must have 4 columns{list(boxes.shape)}")
    if scores.shape != (boxes.shape[0],):
        raise errors.InvalidArgumentError(
            None, None, "scores has incompatible shape")
    if np.ndim(max_output_size) != 0:
        raise errors.InvalidArgumentError(None, None, "max_output_size must be 0-D, got shape "
                                          f"{list(np.shape(max_output_size))}")
    if not 0 <= float(threshold) <= 1 and what == "iou_threshold":
        raise errors.InvalidArgumentError(None, None, "iou_threshold must be in [0, 1]")
    if int(max_output_size) < 0:
        raise errors.InvalidArgumentError(None, None, "max_output_size must be non-negative")


def _padded(values: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(max(size, 0), values.dtype)
    out[:len(values)] = values
    return out


# ---- kernels ---------------------------------------------------------------------------------

def _v1_kernel(boxes, scores, max_output_size, *, iou_threshold):
    _check(boxes, scores, max_output_size, iou_threshold)
    return _greedy_select(_iou_matrix(boxes), scores, int(max_output_size), iou_threshold,
                          -np.inf)[0]


def _v2_kernel(boxes, scores, max_output_size, iou_threshold):
    _check(boxes, scores, max_output_size, iou_threshold)
    return _greedy_select(_iou_matrix(boxes), scores, int(max_output_size), iou_threshold,
                          -np.inf)[0]


def _v3_kernel(boxes, scores, max_output_size, iou_threshold, score_threshold):
    _check(boxes, scores, max_output_size, iou_threshold)
    return _greedy_select(_iou_matrix(boxes), scores, int(max_output_size), iou_threshold,
                          score_threshold)[0]


def _v4_kernel(boxes, scores, max_output_size, iou_threshold, score_threshold, *,
               pad_to_max_output_size):
    indices = _v3_kernel(boxes, scores, max_output_size, iou_threshold, score_threshold)
    valid = np.int32(len(indices))
    if pad_to_max_output_size:
        indices = _padded(indices, int(max_output_size))
    return indices, valid


def _v5_kernel(boxes, scores, max_output_size, iou_threshold, score_threshold, soft_nms_sigma,
               *, pad_to_max_output_size):
    _check(boxes, scores, max_output_size, iou_threshold)
    if float(soft_nms_sigma) < 0:
        raise errors.InvalidArgumentError(None, None, "soft_nms_sigma must be non-negative")
    indices, selected = _greedy_select(_iou_matrix(boxes), scores, int(max_output_size),
                                       iou_threshold, score_threshold, float(soft_nms_sigma))
    valid = np.int32(len(indices))
    if pad_to_max_output_size:
        indices = _padded(indices, int(max_output_size))
        selected = _padded(selected, int(max_output_size))
    return indices, selected.astype(scores.dtype), valid


def _overlaps_kernel(overlaps, scores, max_output_size, overlap_threshold, score_threshold):
    if overlaps.ndim != 2 or overlaps.shape[0] != overlaps.shape[1]:
        raise errors.InvalidArgumentError(None, None, "overlaps must be square")
    return _greedy_select(overlaps.astype(np.float32), scores, int(max_output_size),
                          overlap_threshold, score_threshold)[0]


# ---- shapes and registrations ----------------------------------------------------------------

def _rank(shape: TensorShape, rank: int) -> list:
    if shape.ndims is None:
        return [None] * rank
    if shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return shape.as_list()


def _selection_shape(op, boxes_are_overlaps: bool = False) -> list:
    boxes, scores, max_output = op.inputs[:3]
    box_dims = _rank(boxes.shape, 2)
    score_dims = _rank(scores.shape, 1)
    _rank(max_output.shape, 0)
    for t in op.inputs[3:]:
        _rank(t.shape, 0)
    if not boxes_are_overlaps and box_dims[1] is not None and box_dims[1] != 4:
        raise ShapeError(f"Dimension must be 4 but is {box_dims[1]}")
    Dimension(box_dims[0]).merge_with(Dimension(score_dims[0]))
    padded = op._attrs.get("pad_to_max_output_size", False)
    size = tensor_util.constant_value(max_output) if padded else None
    return TensorShape([None if size is None else int(size)])


_INPUTS = ("boxes: T", "scores: T", "max_output_size: int32")
register_op("NonMaxSuppression", foldable=False,
            inputs=("boxes: float32", "scores: float32", "max_output_size: int32"),
            kernel=_v1_kernel, kernel_attrs=("iou_threshold",),
            shape_fn=lambda op: [(dtypes.int32, _selection_shape(op))],
            attr_defaults={"iou_threshold": 0.5}, grad=NOT_DIFFERENTIABLE)
register_op("NonMaxSuppressionV2", foldable=False,
            inputs=(*_INPUTS, "iou_threshold: T_threshold"),
            kernel=_v2_kernel, shape_fn=lambda op: [(dtypes.int32, _selection_shape(op))],
            allowed={"T": _NMS_TYPES, "T_threshold": _NMS_TYPES}, grad=NOT_DIFFERENTIABLE)
register_op("NonMaxSuppressionV3", foldable=False,
            inputs=(*_INPUTS, "iou_threshold: T_threshold", "score_threshold: T_threshold"),
            kernel=_v3_kernel, shape_fn=lambda op: [(dtypes.int32, _selection_shape(op))],
            allowed={"T": _NMS_TYPES, "T_threshold": _NMS_TYPES})
register_op("NonMaxSuppressionV4", foldable=False,
            inputs=(*_INPUTS, "iou_threshold: T_threshold", "score_threshold: T_threshold"),
            kernel=_v4_kernel, kernel_attrs=("pad_to_max_output_size",),
            shape_fn=lambda op: [(dtypes.int32, _selection_shape(op)),
                                 (dtypes.int32, TensorShape([]))],
            allowed={"T": _NMS_TYPES, "T_threshold": _NMS_TYPES},
            attr_defaults={"pad_to_max_output_size": False})
register_op("NonMaxSuppressionV5", foldable=False,
            inputs=(*_INPUTS, "iou_threshold: T", "score_threshold: T", "soft_nms_sigma: T"),
            kernel=_v5_kernel, kernel_attrs=("pad_to_max_output_size",),
            shape_fn=lambda op: [(dtypes.int32, _selection_shape(op)),
                                 (op.inputs[1].dtype.base_dtype, _selection_shape(op)),
                                 (dtypes.int32, TensorShape([]))],
            allowed={"T": _NMS_TYPES}, attr_defaults={"pad_to_max_output_size": False})
register_op("NonMaxSuppressionWithOverlaps", foldable=False,
            inputs=("overlaps: float32", "scores: float32", "max_output_size: int32",
                    "overlap_threshold: float32", "score_threshold: float32"),
            kernel=_overlaps_kernel,
            shape_fn=lambda op: [(dtypes.int32, _selection_shape(op, boxes_are_overlaps=True))],
            grad=NOT_DIFFERENTIABLE)


# ---- public functions ------------------------------------------------------------------------

def non_max_suppression(boxes, scores, max_output_size, iou_threshold=0.5,
                        score_threshold=float("-inf"), name=None):
    """Indices (int32) of boxes kept by greedy non-max suppression, best score first."""
    with ops.name_scope(name, "non_max_suppression"):
        iou_threshold = convert_to_tensor(iou_threshold, name="iou_threshold")
        score_threshold = convert_to_tensor(score_threshold, name="score_threshold")
        return apply_op("NonMaxSuppressionV3", [boxes, scores, max_output_size, iou_threshold,
                                                score_threshold])


def non_max_suppression_with_scores(boxes, scores, max_output_size, iou_threshold=0.5,
                                    score_threshold=float("-inf"), soft_nms_sigma=0.0,
                                    name=None):
    """(indices, scores) of greedy (or, with soft_nms_sigma > 0, soft) non-max suppression."""
    with ops.name_scope(name, "non_max_suppression_with_scores"):
        iou_threshold = convert_to_tensor(iou_threshold, name="iou_threshold")
        score_threshold = convert_to_tensor(score_threshold, name="score_threshold")
        soft_nms_sigma = convert_to_tensor(soft_nms_sigma, name="soft_nms_sigma")
        indices, selected, _ = apply_op(
            "NonMaxSuppressionV5", [boxes, scores, max_output_size, iou_threshold,
                                    score_threshold, soft_nms_sigma],
            attrs={"pad_to_max_output_size": False})
        return indices, selected


def non_max_suppression_overlaps(overlaps, scores, max_output_size, overlap_threshold=0.5,
                                 score_threshold=float("-inf"), name=None):
    """Greedy non-max suppression on a precomputed ``[n, n]`` overlap matrix."""
    with ops.name_scope(name, "non_max_suppression_overlaps"):
        overlap_threshold = convert_to_tensor(overlap_threshold, name="overlap_threshold")
        return apply_op("NonMaxSuppressionWithOverlaps",
                        [overlaps, scores, max_output_size, overlap_threshold, score_threshold])


def non_max_suppression_padded(boxes, scores, max_output_size, iou_threshold=0.5,
                               score_threshold=float("-inf"), pad_to_max_output_size=False,
                               name=None, sorted_input=False, canonicalized_coordinates=False,
                               tile_size=512):
    """Greedy non-max suppression with the selection padded (by index 0) to max_output_size.

    Returns ``(indices, num_valid)``; boxes may carry batch dimensions ``[..., n, 4]`` (then
    ``pad_to_max_output_size`` must be True). TF computes this with a tiled algorithm that
    selects the same boxes; tfcompat runs NonMaxSuppressionV4 per image, so batch dimensions
    must be statically known. ``sorted_input``, ``canonicalized_coordinates`` and ``tile_size``
    only tune TF's algorithm and do not change the result.
    """
    del sorted_input, canonicalized_coordinates, tile_size
    with ops.name_scope(name, "non_max_suppression_padded"):
        boxes = convert_to_tensor(boxes, name="boxes")
        scores = convert_to_tensor(scores, name="scores")
        rank = boxes.shape.ndims
        if not pad_to_max_output_size and rank is not None and rank > 2:
            raise ValueError(f"'pad_to_max_output_size' (value {pad_to_max_output_size}) must "
                             "be True for batched input")
        if rank is None or not boxes.shape[:-2].is_fully_defined():
            raise NotImplementedError("tf.image.non_max_suppression_padded with unknown batch "
                                      "dimensions is not supported by tfcompat yet")
        batch_shape = boxes.shape[:-2].as_list()
        count = int(np.prod(batch_shape, dtype=np.int64))
        flat_boxes = array_ops.reshape(boxes, [count, -1, 4])
        flat_scores = array_ops.reshape(scores, [count, -1])
        indices, valid = [], []
        for b in range(count):
            idx, n = apply_op("NonMaxSuppressionV4",
                              [flat_boxes[b], flat_scores[b], max_output_size, iou_threshold,
                               score_threshold], attrs={"pad_to_max_output_size": True})
            indices.append(idx)
            valid.append(n)
        if rank == 2:
            if pad_to_max_output_size:
                return indices[0], valid[0]
            return indices[0][:valid[0]], valid[0]
        size = tensor_util.constant_value(convert_to_tensor(max_output_size))
        out = array_ops.reshape(array_ops.stack(indices),
                                batch_shape + [-1 if size is None else int(size)])
        return out, array_ops.reshape(array_ops.stack(valid), batch_shape)
