"""``tf.compat.v1.ragged.RaggedTensorValue``: what ``Session.run`` returns for a RaggedTensor."""

from __future__ import annotations

import numpy as np


class RaggedTensorValue:
    """A ragged tensor's value in numpy: ``values`` (an ndarray or another RaggedTensorValue)
    partitioned into rows by ``row_splits``."""

    def __init__(self, values, row_splits):
        if not (isinstance(row_splits, np.ndarray) and row_splits.dtype in (np.int32, np.int64)
                and row_splits.ndim == 1):
            raise TypeError("row_splits must be a 1D int32 or int64 numpy array")
        if not isinstance(values, (np.ndarray, RaggedTensorValue)):
            raise TypeError("values must be a numpy array or a RaggedTensorValue")
        if (isinstance(values, RaggedTensorValue)
                and row_splits.dtype != values.row_splits.dtype):
            raise ValueError("row_splits and values.row_splits must have the same dtype")
        self._values = values
        self._row_splits = row_splits

    row_splits = property(lambda self: self._row_splits, doc="The row-split indices.")
    values = property(lambda self: self._values, doc="The concatenated rows.")

    @property
    def row_splits_dtype(self):
        return self._row_splits.dtype

    @property
    def flat_values(self) -> np.ndarray:
        values = self._values
        while isinstance(values, RaggedTensorValue):
            values = values.values
        return values

    @property
    def nested_row_splits(self) -> tuple:
        splits = [self._row_splits]
        values = self._values
        while isinstance(values, RaggedTensorValue):
            splits.append(values.row_splits)
            values = values.values
        return tuple(splits)

    @property
    def ragged_rank(self) -> int:
        values = self._values
        return values.ragged_rank + 1 if isinstance(values, RaggedTensorValue) else 1

    @property
    def dtype(self):
        return self.flat_values.dtype

    @property
    def shape(self) -> tuple:
        """``(nrows, None, ...)``: the ragged dimension has no single size."""
        return (self._row_splits.shape[0] - 1,) + (None,) + self._values.shape[1:]

    def to_list(self) -> list:
        """The value as nested Python lists."""
        values = (self._values.to_list() if isinstance(self._values, RaggedTensorValue)
                  else self._values.tolist())
        splits = self._row_splits.tolist()
        return [values[start:limit] for start, limit in zip(splits[:-1], splits[1:])]

    def __str__(self) -> str:
        return f"<tf.RaggedTensorValue {self.to_list()}>"

    def __repr__(self) -> str:
        return f"tf.RaggedTensorValue(values={self._values!r}, row_splits={self._row_splits!r})"
