"""CTC decoders: CTCGreedyDecoder and CTCBeamSearchDecoder (``tf.nn.ctc_greedy_decoder``,
``ctc_beam_search_decoder`` and ``_v2``). Both return SparseTensors of int64 class ids.

The beam search follows TF's CPU decoder: a beam of label prefixes, each with the log
probabilities of ending in a blank and in its last label; per time step the kept prefixes are
extended first, then each kept prefix (best first) proposes its one-label children, which enter
the beam when better than its current bottom (the prefix pushed out loses its probabilities, so
its parent term no longer counts). Inputs are log-softmax normalized per step.
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape

_NEG_INF = -math.inf


def _check_inputs(inputs: np.ndarray, sequence_length) -> list[int]:
    max_time, batch, _ = inputs.shape
    if max_time == 0 or batch == 0:
        raise errors.InvalidArgumentError(None, None, "inputs must not be empty")
    lengths = np.asarray(sequence_length).tolist()
    for b, length in enumerate(lengths):
        if length > max_time:
            raise errors.FailedPreconditionError(None, None,
                                                 f"sequence_length({b}) <= {max_time}")
    return [max(0, length) for length in lengths]


def _sparse_outputs(paths: list[list[int]]):
    """(indices, values, dense_shape) of one decoded path per batch entry."""
    indices = [[b, i] for b, path in enumerate(paths) for i in range(len(path))]
    values = [v for path in paths for v in path]
    width = max((len(path) for path in paths), default=0)
    return (np.asarray(indices, np.int64).reshape(-1, 2), np.asarray(values, np.int64),
            np.asarray([len(paths), width], np.int64))


def _rank(tensor: Tensor, rank: int) -> tuple:
    shape = tensor.shape
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return shape.with_rank(rank).as_tuple()


def _decoder_batch(op) -> int | None:
    _, batch, _ = _rank(op.inputs[0], 3)
    (lengths,) = _rank(op.inputs[1], 1)
    a, b = Dimension(batch), Dimension(lengths)
    if not a.is_compatible_with(b):
        raise ShapeError(f"Dimensions must be equal, but are {batch} and {lengths}")
    return a.merge_with(b).value


def _sparse_shapes(count: int) -> list:
    return ([(dtypes.int64, TensorShape._from_tuple((None, 2)))] * count
            + [(dtypes.int64, TensorShape._from_tuple((None,)))] * count
            + [(dtypes.int64, TensorShape._from_tuple((2,)))] * count)


# ---- CTCGreedyDecoder ------------------------------------------------------------------------

def _greedy_kernel(inputs, sequence_length, merge_repeated, blank_index):
    inputs = np.asarray(inputs)
    lengths = _check_inputs(inputs, sequence_length)
    num_classes = inputs.shape[2]
    blank = blank_index if blank_index >= 0 else num_classes + blank_index
    log_probability = np.zeros((inputs.shape[1], 1), inputs.dtype)
    paths = []
    for b, length in enumerate(lengths):
        steps = inputs[:length, b]
        best = steps.argmax(axis=1)
        log_probability[b, 0] = -steps.max(axis=1).sum(dtype=np.float64) if length else 0
        path, previous = [], -1
        for label in best.tolist():
            if label != blank and not (merge_repeated and label == previous):
                path.append(label)
            previous = label
        paths.append(path)
    return (*_sparse_outputs(paths), log_probability)


def _greedy_shape(op):
    batch = _decoder_batch(op)
    dtype = op.inputs[0].dtype.base_dtype
    return _sparse_shapes(1) + [(dtype, TensorShape._from_tuple((batch, 1)))]


register_op("CTCGreedyDecoder", inputs=("inputs: T", "sequence_length: int32"),
            allowed={"T": (dtypes.float32, dtypes.float64)}, kernel=_greedy_kernel,
            kernel_attrs=("merge_repeated", "blank_index"), shape_fn=_greedy_shape,
            attr_defaults={"merge_repeated": False, "blank_index": -1},
            grad=NOT_DIFFERENTIABLE)


def ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True, blank_index=None):
    """Best path decoding: the most likely class per step, blanks removed (and repeats merged
    when ``merge_repeated``). Returns ``([SparseTensor], log_probability [batch, 1])``, the log
    probability being minus the sum of each step's largest input."""
    indices, values, shape, log_probability = apply_op(
        "CTCGreedyDecoder", [inputs, sequence_length],
        attrs={"merge_repeated": bool(merge_repeated),
               "blank_index": -1 if blank_index is None else int(blank_index)})
    return [SparseTensor(indices, values, shape)], log_probability


# ---- CTCBeamSearchDecoder --------------------------------------------------------------------

class _Prefix:
    """A label prefix in the beam: probabilities now (new_*) and at the previous step (old_*)."""

    __slots__ = ("parent", "label", "children", "new_total", "new_blank", "new_label",
                 "old_total", "old_blank")

    def __init__(self, parent: _Prefix | None, label: int):
        self.parent, self.label, self.children = parent, label, None
        self.new_total = self.new_blank = self.new_label = _NEG_INF
        self.old_total = self.old_blank = _NEG_INF

    def active(self) -> bool:
        return self.new_total != _NEG_INF

    def labels(self) -> list[int]:
        out, node = [], self
        while node.parent is not None:
            out.append(node.label)
            node = node.parent
        return out[::-1]


def _logaddexp(a: float, b: float) -> float:
    if a == _NEG_INF:
        return b
    if b == _NEG_INF:
        return a
    return max(a, b) + math.log1p(math.exp(-abs(a - b)))


class _Beam:
    """The kept prefixes, at most ``width``; pushing past the width drops the worst."""

    def __init__(self, width: int):
        self.width, self.entries = width, []

    def bottom(self) -> float:
        return min(entry.new_total for entry in self.entries)

    def accepts(self, total: float) -> bool:
        return total > _NEG_INF and (len(self.entries) < self.width or total > self.bottom())

    def push(self, entry: _Prefix) -> None:
        if len(self.entries) == self.width:
            worst = min(range(len(self.entries)), key=lambda i: self.entries[i].new_total)
            dropped = self.entries.pop(worst)
            dropped.new_total = dropped.new_blank = dropped.new_label = _NEG_INF
        self.entries.append(entry)


def _beam_step(beam: _Beam, log_probs: list[float], blank: int) -> _Beam:
    branches = sorted(beam.entries, key=lambda e: -e.new_total)
    for entry in branches:
        entry.old_total, entry.old_blank = entry.new_total, entry.new_blank
    beam = _Beam(beam.width)
    for entry in branches:
        parent = entry.parent
        if parent is not None:
            if parent.active():
                previous = parent.old_blank if entry.label == parent.label else parent.old_total
                entry.new_label = _logaddexp(entry.new_label, previous)
            entry.new_label += log_probs[entry.label]
        entry.new_blank = entry.old_total + log_probs[blank]
        entry.new_total = _logaddexp(entry.new_blank, entry.new_label)
        beam.entries.append(entry)
    for entry in branches:
        if not beam.accepts(entry.old_total):
            continue
        if entry.children is None:
            entry.children = [_Prefix(entry, c) for c in range(len(log_probs)) if c != blank]
        for child in entry.children:
            if child.active():
                continue
            child.new_blank = _NEG_INF
            previous = entry.old_blank if child.label == entry.label else entry.old_total
            child.new_label = child.new_total = previous + log_probs[child.label]
            if beam.accepts(child.new_total):
                beam.push(child)
            else:
                child.new_total = child.new_label = child.old_total = child.old_blank = _NEG_INF
    return beam


def _beam_decode(steps: np.ndarray, width: int, top_paths: int, merge_repeated: bool):
    root = _Prefix(None, -1)
    root.new_total = root.new_blank = 0.0
    beam = _Beam(width)
    beam.entries.append(root)
    blank = steps.shape[1] - 1
    for row in steps.astype(np.float64):
        shifted = row - row.max()
        beam = _beam_step(beam, (shifted - math.log(np.exp(shifted).sum())).tolist(), blank)
    best = sorted(beam.entries, key=lambda e: -e.new_total)
    if len(best) < top_paths:
        raise errors.InvalidArgumentError(None, None,
                                          "Less leaves in the beam search than requested.")
    paths = []
    for entry in best[:top_paths]:
        labels = entry.labels()
        if merge_repeated:
            labels = [v for i, v in enumerate(labels) if i == 0 or v != labels[i - 1]]
        paths.append(labels)
    return paths, [entry.new_total for entry in best[:top_paths]]


def _beam_kernel(inputs, sequence_length, beam_width, top_paths, merge_repeated):
    inputs = np.asarray(inputs)
    lengths = _check_inputs(inputs, sequence_length)
    if top_paths > beam_width:
        raise errors.InvalidArgumentError(None, None,
                                          "requested more paths than the beam width.")
    batch = inputs.shape[1]
    paths = [[None] * batch for _ in range(top_paths)]
    log_probability = np.zeros((batch, top_paths), inputs.dtype)
    for b, length in enumerate(lengths):
        decoded, scores = _beam_decode(inputs[:length, b], beam_width, top_paths,
                                       merge_repeated)
        for p in range(top_paths):
            paths[p][b] = decoded[p]
        log_probability[b] = scores
    outputs = [_sparse_outputs(per_path) for per_path in paths]
    return (*(o[0] for o in outputs), *(o[1] for o in outputs), *(o[2] for o in outputs),
            log_probability)


def _beam_shape(op):
    batch = _decoder_batch(op)
    top_paths = op._attrs["top_paths"]
    dtype = op.inputs[0].dtype.base_dtype
    return _sparse_shapes(top_paths) + [(dtype, TensorShape._from_tuple((batch, top_paths)))]


register_op("CTCBeamSearchDecoder", inputs=("inputs: T", "sequence_length: int32"),
            allowed={"T": (dtypes.float32, dtypes.float64)}, kernel=_beam_kernel,
            kernel_attrs=("beam_width", "top_paths", "merge_repeated"), shape_fn=_beam_shape,
            attr_defaults={"merge_repeated": True}, grad=NOT_DIFFERENTIABLE)


def ctc_beam_search_decoder(inputs, sequence_length, beam_width=100, top_paths=1,
                            merge_repeated=True):
    """Beam search decoding of ``inputs`` (logits ``[max_time, batch, num_classes]``, blank
    last). Returns ``(decoded, log_probabilities)``: ``top_paths`` SparseTensors (the j-th best
    path of every batch entry) and their log probabilities ``[batch, top_paths]``. With
    ``merge_repeated`` a repeated label in a path is emitted once."""
    if int(top_paths) < 1:
        raise ValueError(f"Attr 'top_paths' of 'CTCBeamSearchDecoder' Op passed {top_paths} "
                         "less than minimum 1.")
    if int(beam_width) < 1:
        raise ValueError(f"Attr 'beam_width' of 'CTCBeamSearchDecoder' Op passed {beam_width} "
                         "less than minimum 1.")
    outputs = apply_op("CTCBeamSearchDecoder", [inputs, sequence_length],
                       attrs={"beam_width": int(beam_width), "top_paths": int(top_paths),
                              "merge_repeated": bool(merge_repeated)})
    n = int(top_paths)
    decoded = [SparseTensor(outputs[i], outputs[n + i], outputs[2 * n + i]) for i in range(n)]
    return decoded, outputs[3 * n]


def ctc_beam_search_decoder_v2(inputs, sequence_length, beam_width=100, top_paths=1):
    """``ctc_beam_search_decoder`` without merging repeated labels (TF 2's default)."""
    return ctc_beam_search_decoder(inputs, sequence_length, beam_width=beam_width,
                                   top_paths=top_paths, merge_repeated=False)
