"""``tf.RaggedTensorSpec``: the type of a RaggedTensor (shape, dtype, ragged_rank and
row_splits dtype), as used by tf.data structures and signatures."""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
from tfcompat.ops.ragged.ragged_tensor_value import RaggedTensorValue


class RaggedTensorSpec:
    """Describes a RaggedTensor: ``shape`` (the ragged dimensions unknown), ``dtype``,
    ``ragged_rank`` (by default ``rank - 1``) and ``row_splits_dtype``."""

    def __init__(self, shape=None, dtype=dtypes.float32, ragged_rank=None,
                 row_splits_dtype=dtypes.int64, flat_values_spec=None):
        if flat_values_spec is not None:
            raise NotImplementedError("tfcompat's RaggedTensorSpec has no flat_values_spec")
        self._shape = as_shape(shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
        rank = self._shape.ndims
        if ragged_rank is None:
            if rank is None:
                raise ValueError("Must specify ragged_rank or a shape with a known rank.")
            ragged_rank = rank - 1
        if not isinstance(ragged_rank, int):
            raise TypeError(f"Argument `ragged_rank` must be an int. Received {ragged_rank}.")
        if rank is not None and ragged_rank >= rank:
            raise ValueError(f"Argument `ragged_rank` ({ragged_rank}) must be less than rank "
                             f"({rank}).")
        self._ragged_rank = ragged_rank

    shape = property(lambda self: self._shape)
    dtype = property(lambda self: self._dtype)
    ragged_rank = property(lambda self: self._ragged_rank)
    row_splits_dtype = property(lambda self: self._row_splits_dtype)
    flat_values_spec = property(lambda self: None)
    value_type = property(lambda self: RaggedTensor)

    @classmethod
    def from_value(cls, value) -> RaggedTensorSpec:
        """The spec of a RaggedTensor or RaggedTensorValue."""
        if isinstance(value, RaggedTensorValue):
            shape = TensorShape(list(value.shape))
            return cls(shape, dtypes.as_dtype(value.dtype), value.ragged_rank,
                       dtypes.as_dtype(value.row_splits.dtype))
        return cls(value.shape, value.dtype, value.ragged_rank, value.row_splits.dtype)

    def _key(self) -> tuple:
        dims = None if self._shape.ndims is None else tuple(self._shape.as_list())
        return (dims, self._dtype, self._ragged_rank, self._row_splits_dtype)

    def is_compatible_with(self, spec_or_value) -> bool:
        """Whether ``spec_or_value`` (a spec, RaggedTensor or RaggedTensorValue) could have
        this type."""
        other = spec_or_value
        if not isinstance(other, RaggedTensorSpec):
            if not isinstance(other, (RaggedTensor, RaggedTensorValue)):
                return False
            other = RaggedTensorSpec.from_value(other)
        return (self._dtype == other.dtype and self._ragged_rank == other.ragged_rank
                and self._row_splits_dtype == other.row_splits_dtype
                and self._shape.is_compatible_with(other.shape))

    def __eq__(self, other) -> bool:
        return isinstance(other, RaggedTensorSpec) and self._key() == other._key()

    def __ne__(self, other) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"RaggedTensorSpec({self._shape!r}, {self._dtype!r}, {self._ragged_rank}, "
                f"{self._row_splits_dtype!r})")
