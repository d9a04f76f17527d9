"""``tf.approx_top_k``: the raw ApproxTopK op's wrapper (the op itself, and
``tf.math.approx_max_k``/``approx_min_k``, live in ``tfcompat/ops/sort_ops.py``)."""

from __future__ import annotations

import collections

from tfcompat.ops.sort_ops import _approx

ApproxTopK = collections.namedtuple("ApproxTopK", ["values", "indices"])


def approx_top_k(input, k, reduction_dimension=-1, recall_target=0.95, is_max_k=True,  # noqa: A002
                 reduction_input_size_override=-1, aggregate_to_topk=True,
                 name=None) -> ApproxTopK:
    """The k largest (or, with ``is_max_k=False``, smallest) entries along
    ``reduction_dimension`` and their int32 indices, as ``ApproxTopK(values, indices)``.

    Exact on CPU, as in TF, which has CPU kernels only for ``reduction_dimension=-1`` with
    ``is_max_k=True``: other attrs build a graph that fails when run.
    """
    return ApproxTopK(*_approx(input, k, reduction_dimension, recall_target, bool(is_max_k),
                               reduction_input_size_override, aggregate_to_topk, name))
