# ruff: noqa: F401
"""``tf.ragged``: building RaggedTensors and converting their row partitions."""

from tfcompat.ops.ragged.ragged_factory import (
    constant,
    constant_value,
    map_flat_values,
    placeholder,
)
from tfcompat.ops.ragged.ragged_factory import ragged_range as range  # noqa: A004
from tfcompat.ops.ragged.ragged_tensor import (
    row_splits_to_segment_ids,
    segment_ids_to_row_splits,
)
from tfcompat.ops.ragged.ragged_tensor_value import RaggedTensorValue
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.ragged", __name__)
# ---- ragged (array functions)
from tfcompat.ops.ragged.ragged_array_ops import (
    boolean_mask,
    cross,
    cross_hashed,
    stack_dynamic_partitions,
)
from tfcompat.ops.ragged.ragged_dispatch import stack
