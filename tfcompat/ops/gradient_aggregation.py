"""Summing the gradients that flow into one tensor (``tf.AggregationMethod``).

ADD_N sums all of them with one AddN; the experimental methods add them pairwise in a
``<op>_gradient_sum`` scope. IndexedSlices (sparse gradients of gathers) are concatenated when
all are sparse, else densified and summed.
"""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import Operation
from tfcompat.ops import array_ops, math_ops


class AggregationMethod:
    """How ``tf.gradients`` sums several gradients flowing into one tensor."""

    ADD_N = 0
    DEFAULT = ADD_N
    EXPERIMENTAL_TREE = 1
    EXPERIMENTAL_ACCUMULATE_N = 2


_VALID_AGGREGATION_METHODS = [AggregationMethod.ADD_N, AggregationMethod.EXPERIMENTAL_TREE,
                              AggregationMethod.EXPERIMENTAL_ACCUMULATE_N]


def aggregate(grads: dict, node, aggregation_method) -> list:
    """The summed gradient of each output of ``node`` (None where none flowed in).

    ``grads[node]`` holds one list of incoming gradients per output; it is replaced in place by
    the sums, so aggregating twice is harmless.
    """
    if aggregation_method is None:
        aggregation_method = AggregationMethod.DEFAULT
    if aggregation_method not in _VALID_AGGREGATION_METHODS:
        raise ValueError(f"Invalid `aggregation_method` specified {aggregation_method}. "
                         f"Accepted values are {_VALID_AGGREGATION_METHODS}.")
    out_grads = grads.get(node)
    if out_grads is None:
        return [None] * len(node._outputs)
    for i, out_grad in enumerate(out_grads):
        if not isinstance(out_grad, list):
            continue
        if len(out_grad) == 1:  # one gradient (or None) flowed in: nothing to sum
            out_grads[i] = out_grad[0]
            continue
        present = [g for g in out_grad if g is not None]
        if not present:
            out_grads[i] = None
        elif len(present) == 1:
            out_grads[i] = present[0]
        elif any(isinstance(g, IndexedSlices) for g in present):
            out_grads[i] = _aggregate_indexed_slices(present)
        elif aggregation_method == AggregationMethod.ADD_N:
            out_grads[i] = math_ops.add_n(present)
        else:
            out_grads[i] = _pairwise_sum(node, present)
    return out_grads


def _pairwise_sum(node: Operation, grads: list):
    with ops.name_scope(node.name + "_gradient_sum"):
        running = grads[0]
        for g in grads[1:]:
            running = math_ops.add_n([running, g])
        return running


def _aggregate_indexed_slices(grads: list):
    """Sums gradients of which some are IndexedSlices: concatenated rows if all are, else dense."""
    if all(isinstance(g, IndexedSlices) for g in grads):
        return IndexedSlices(array_ops.concat([g.values for g in grads], 0),
                             array_ops.concat([g.indices for g in grads], 0),
                             grads[0].dense_shape)
    return math_ops.add_n([ops.convert_to_tensor(g) for g in grads])
