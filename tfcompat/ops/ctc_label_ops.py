"""Label helpers of the CTC family, built from graph ops: ``tf.nn.collapse_repeated`` and
``tf.nn.ctc_unique_labels``."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array_extra_ops import sequence_mask
from tfcompat.ops.functional_ops import map_fn
from tfcompat.ops.math.sequences import where
from tfcompat.ops.scatter_nd_ops import scatter_nd


def collapse_repeated(labels, seq_length, name=None):
    """Merges runs of equal labels in each row of ``labels`` ``[batch, max_len]`` (only the
    first ``seq_length[b]`` entries of row b count). Returns ``(collapsed labels padded with 0
    to the longest collapsed row, int32 collapsed lengths)``."""
    with ops.name_scope(name, "collapse_repeated_labels", [labels, seq_length]):
        labels = ops.convert_to_tensor(labels, name="labels")
        seq_length = ops.convert_to_tensor(seq_length, name="seq_length")
        starts_run = math_ops.not_equal(labels[:, 1:], labels[:, :-1])
        first = array_ops.ones_like(labels[:, :1], dtype=dtypes.bool_)
        keep = math_ops.logical_and(
            array_ops.concat([first, starts_run], axis=1),
            sequence_mask(seq_length, maxlen=array_ops.shape(labels)[1]))
        new_length = math_ops.reduce_sum(math_ops.cast(keep, dtypes.int32), axis=1)
        new_max = math_ops.reduce_max(new_length)
        kept = array_ops.boolean_mask(labels, keep)
        slots = where(sequence_mask(new_length, maxlen=new_max))
        shape = math_ops.cast(array_ops.stack([array_ops.shape(labels)[0], new_max]),
                              dtypes.int64)
        return scatter_nd(slots, kept, shape), new_length


def ctc_unique_labels(labels, name=None):
    """Per row of ``labels`` ``[batch, max_len]``: its distinct labels in order of appearance,
    padded with 0 to ``max_len`` (int64), and each entry's index into them (int32)."""
    with ops.name_scope(name, "ctc_unique_labels", [labels]):
        labels = ops.convert_to_tensor(labels, name="labels")

        def row_unique(row):
            values, index = array_ops.unique(row)
            padding = array_ops.shape(index)[0] - array_ops.shape(values)[0]
            padded = array_ops.pad(values, [[0, padding]])
            return [math_ops.cast(padded, dtypes.int64), index]

        return map_fn(row_unique, labels, dtype=[dtypes.int64, dtypes.int32])
