"""EditDistance (``tf.edit_distance``): the Levenshtein distance between the sequences of two
SparseTensors, one sequence per position of all dimensions but the last."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape


def _levenshtein(a: list, b: list) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _sequences(indices: np.ndarray, values: np.ndarray) -> dict:
    """Position (all index dims but the last) -> its values, in the order given."""
    groups: dict = {}
    for index, value in zip(map(tuple, indices[:, :-1].tolist()), values.tolist()):
        groups.setdefault(index, []).append(value)
    return groups


def _edit_distance_kernel(h_indices, h_values, h_shape, t_indices, t_values, t_shape,
                          normalize):
    h_shape, t_shape = np.asarray(h_shape), np.asarray(t_shape)
    out_shape = tuple(int(d) for d in np.maximum(h_shape[:-1], t_shape[:-1]))
    out = np.zeros(out_shape, np.float32)
    hypotheses = _sequences(np.asarray(h_indices).reshape(-1, len(h_shape)), np.asarray(h_values))
    truths = _sequences(np.asarray(t_indices).reshape(-1, len(t_shape)), np.asarray(t_values))
    for position in set(hypotheses) | set(truths):
        hypothesis, truth = hypotheses.get(position, []), truths.get(position, [])
        distance = np.float32(_levenshtein(hypothesis, truth))
        if normalize:
            # An empty truth: 0/0 stays 0 (no entry), d/0 is inf.
            distance = np.float32(np.inf) if not truth else distance / np.float32(len(truth))
        out[position] = distance
    return out


def _edit_distance_shape(op):
    h_shape = tensor_util.constant_value(op.inputs[2])
    t_shape = tensor_util.constant_value(op.inputs[5])
    if h_shape is None or t_shape is None:
        return [(dtypes.float32, unknown_shape())]
    return [(dtypes.float32, TensorShape(
        [int(d) for d in np.maximum(np.asarray(h_shape)[:-1], np.asarray(t_shape)[:-1])]))]


register_op("EditDistance",
            inputs=("hypothesis_indices: int64", "hypothesis_values: T",
                    "hypothesis_shape: int64", "truth_indices: int64", "truth_values: T",
                    "truth_shape: int64"),
            kernel=_edit_distance_kernel, kernel_attrs=("normalize",),
            shape_fn=_edit_distance_shape, attr_defaults={"normalize": True},
            grad=NOT_DIFFERENTIABLE)


def edit_distance(hypothesis, truth, normalize=True, name="edit_distance") -> Tensor:
    """Levenshtein distances between the sequences (last dimension) of the SparseTensors
    ``hypothesis`` and ``truth``, shaped like their other dimensions; ``normalize`` divides
    each by the truth's length (inf for an empty truth)."""
    if not isinstance(hypothesis, (SparseTensor, SparseTensorValue)):
        raise TypeError("Hypothesis must be a SparseTensor.")
    if not isinstance(truth, (SparseTensor, SparseTensorValue)):
        raise TypeError("Truth must be a SparseTensor.")
    return apply_op("EditDistance", [
        hypothesis.indices, hypothesis.values, hypothesis.dense_shape,
        truth.indices, truth.values, truth.dense_shape], name=name,
        attrs={"normalize": bool(normalize)})
