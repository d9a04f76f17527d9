"""``tf.IndexedSlices``: a sparse gradient (rows ``values`` at ``indices`` of a dense tensor).

The gradient of ``tf.gather`` w.r.t. its params is one. Anything that needs a Tensor converts
it to a dense one (TF's UnsortedSegmentSum densification); ``Session.run`` returns an
``IndexedSlicesValue``.
"""

from __future__ import annotations

import collections

from tfcompat.framework import ops, tensor_util
from tfcompat.framework.tensor_shape import TensorShape

IndexedSlicesValue = collections.namedtuple("IndexedSlicesValue",
                                            ["values", "indices", "dense_shape"])


class IndexedSlices:
    """A sparse representation of a set of tensor slices at given indices."""

    def __init__(self, values, indices, dense_shape=None):
        self._values = values
        self._indices = indices
        self._dense_shape = dense_shape

    @property
    def values(self):
        return self._values

    @property
    def indices(self):
        return self._indices

    @property
    def dense_shape(self):
        return self._dense_shape

    @property
    def name(self) -> str:
        return self._values.name

    @property
    def op(self):
        return self._values.op

    @property
    def dtype(self):
        return self._values.dtype

    @property
    def graph(self):
        return self._values.graph

    @property
    def device(self) -> str:
        return self._values.device

    @property
    def shape(self):
        if self._dense_shape is None:
            return TensorShape(None)
        return tensor_util.constant_value_as_shape(self._dense_shape)

    def __repr__(self) -> str:
        shape = "" if self._dense_shape is None else f", dense_shape={self._dense_shape}"
        return f"IndexedSlices(indices={self._indices}, values={self._values}{shape})"

    def __neg__(self):
        return IndexedSlices(-self._values, self._indices, self._dense_shape)


def to_dense(value: IndexedSlices, dtype=None, name=None, as_ref=False):
    """Densifies an IndexedSlices by summing its rows into place (TF's conversion)."""
    del as_ref
    if dtype is not None and not dtype.is_compatible_with(value.dtype):
        raise ValueError(f"Tensor conversion requested dtype {dtype.name} for Tensor with "
                         f"dtype {value.dtype.name}: {value!r}")
    if value.dense_shape is None:
        raise ValueError(f"Tensor conversion requested for IndexedSlices without dense_shape: "
                         f"{value!r}")
    # By op type, not through ops/: the framework sits below the op families, which register
    # UnsortedSegmentSum (and Tensor.__getitem__) before any IndexedSlices can exist.
    return ops.apply_op("UnsortedSegmentSum",
                        [value.values, value.indices, value.dense_shape[0]], name=name)


ops.register_tensor_conversion_function(IndexedSlices, to_dense)
