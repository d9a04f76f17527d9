"""``tf.SparseTensor``: a tensor given by the ``indices`` and ``values`` of its non-zeros.

Three dense tensors: ``indices`` (int64 [N, rank]), ``values`` ([N]) and ``dense_shape``
(int64 [rank]). ``Session.run`` returns a ``SparseTensorValue``; a SparseTensor in a
``feed_dict`` is fed a SparseTensorValue or an ``(indices, values, dense_shape)`` tuple.
"""

from __future__ import annotations

import collections

from tfcompat.framework import dtypes, ops
from tfcompat.framework.default_session import run_in_default_session
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.framework.tensor_util import constant_value_as_shape

SparseTensorValue = collections.namedtuple("SparseTensorValue",
                                           ["indices", "values", "dense_shape"])


class SparseTensor:
    """A sparse tensor: ``values[i]`` sits at ``indices[i]`` of a ``dense_shape`` tensor;
    every other element is zero."""

    @classmethod
    def from_value(cls, sparse_tensor_value):
        if not is_sparse(sparse_tensor_value):
            raise TypeError(f"Neither a SparseTensor nor SparseTensorValue: "
                            f"{sparse_tensor_value}.")
        return SparseTensor(indices=sparse_tensor_value.indices,
                            values=sparse_tensor_value.values,
                            dense_shape=sparse_tensor_value.dense_shape)

    def __init__(self, indices, values, dense_shape):
        with ops.name_scope(None, "SparseTensor", [indices, values, dense_shape]):
            indices = ops.convert_to_tensor(indices, name="indices", dtype=dtypes.int64)
            values = ops.convert_to_tensor(values, name="values")
            dense_shape = ops.convert_to_tensor(dense_shape, name="dense_shape",
                                                dtype=dtypes.int64)
        self._indices = indices
        self._values = values
        self._dense_shape = dense_shape
        self._dense_shape_default = constant_value_as_shape(dense_shape) \
            if dense_shape.shape.ndims == 1 else unknown_shape()
        indices.shape.with_rank(2)
        values.shape.with_rank(1)
        dense_shape.shape.with_rank(1)
        indices.shape[1].assert_is_compatible_with(dense_shape.shape[0])
        indices.shape[0].assert_is_compatible_with(values.shape[0])

    @property
    def indices(self):
        return self._indices

    @property
    def values(self):
        return self._values

    @property
    def dense_shape(self):
        return self._dense_shape

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
    def shape(self) -> TensorShape:
        """The static shape: known where ``dense_shape`` is constant."""
        return self._dense_shape_default

    def get_shape(self) -> TensorShape:
        return self._dense_shape_default

    def set_shape(self, shape) -> None:
        self._dense_shape_default = self._dense_shape_default.merge_with(shape)

    def consumers(self):
        seen = []
        for t in (self._indices, self._values, self._dense_shape):
            for op in t.consumers():
                if op not in seen:
                    seen.append(op)
        return seen

    def eval(self, feed_dict=None, session=None):
        """Evaluates this SparseTensor in ``session`` or the default session."""
        return run_in_default_session(self, feed_dict, self.graph, session, "eval()")

    def with_values(self, new_values):
        return SparseTensor(self._indices, new_values, self._dense_shape)

    def __repr__(self) -> str:
        return (f"SparseTensor(indices={self._indices}, values={self._values}, "
                f"dense_shape={self._dense_shape})")

    def __str__(self) -> str:
        return repr(self)


def is_sparse(x) -> bool:
    return isinstance(x, (SparseTensor, SparseTensorValue))


def convert_to_tensor_or_sparse_tensor(value, dtype=None, name=None):
    """A SparseTensor (from a SparseTensorValue) or a Tensor."""
    if isinstance(value, SparseTensorValue):
        value = SparseTensor.from_value(value)
    if isinstance(value, SparseTensor):
        if dtype and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
            raise RuntimeError(f"Sparse dtype: requested = {dtypes.as_dtype(dtype).name}, "
                               f"actual = {value.dtype.name}")
        return value
    return ops.convert_to_tensor(value, dtype=dtype, name=name)
