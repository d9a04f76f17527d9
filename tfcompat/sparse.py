# ruff: noqa: F401
"""``tf.sparse``: SparseTensor construction, conversion, reductions and products."""

from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.ops.sparse_cross_ops import sparse_cross as cross
from tfcompat.ops.sparse_cross_ops import sparse_cross_hashed as cross_hashed
from tfcompat.ops.sparse_extra_ops import sparse_expand_dims as expand_dims
from tfcompat.ops.sparse_extra_ops import sparse_eye as eye
from tfcompat.ops.sparse_extra_ops import sparse_mask as mask
from tfcompat.ops.sparse_extra_ops import sparse_reduce_max_sparse as reduce_max_sparse
from tfcompat.ops.sparse_extra_ops import sparse_reduce_sum_sparse as reduce_sum_sparse
from tfcompat.ops.sparse_extra_ops import sparse_reset_shape as reset_shape
from tfcompat.ops.sparse_extra_ops import sparse_segment_mean as segment_mean
from tfcompat.ops.sparse_extra_ops import sparse_segment_sqrt_n as segment_sqrt_n
from tfcompat.ops.sparse_extra_ops import sparse_segment_sum as segment_sum
from tfcompat.ops.sparse_math_ops import sparse_fill_empty_rows as fill_empty_rows
from tfcompat.ops.sparse_math_ops import sparse_maximum as maximum
from tfcompat.ops.sparse_math_ops import sparse_minimum as minimum
from tfcompat.ops.sparse_math_ops import sparse_reduce_max as reduce_max
from tfcompat.ops.sparse_math_ops import sparse_reduce_sum as reduce_sum
from tfcompat.ops.sparse_math_ops import sparse_slice as slice  # noqa: A004
from tfcompat.ops.sparse_math_ops import sparse_softmax as softmax
from tfcompat.ops.sparse_math_ops import sparse_split as split
from tfcompat.ops.sparse_math_ops import sparse_tensor_dense_matmul as matmul
from tfcompat.ops.sparse_math_ops import sparse_tensor_dense_matmul as sparse_dense_matmul
from tfcompat.ops.sparse_ops import from_dense
from tfcompat.ops.sparse_ops import sparse_add as add
from tfcompat.ops.sparse_ops import sparse_concat as concat
from tfcompat.ops.sparse_ops import sparse_merge as merge
from tfcompat.ops.sparse_ops import sparse_placeholder as placeholder
from tfcompat.ops.sparse_ops import sparse_reorder as reorder
from tfcompat.ops.sparse_ops import sparse_reshape as reshape
from tfcompat.ops.sparse_ops import sparse_retain as retain
from tfcompat.ops.sparse_ops import sparse_tensor_to_dense as to_dense
from tfcompat.ops.sparse_ops import sparse_to_indicator as to_indicator
from tfcompat.ops.sparse_ops import sparse_transpose as transpose
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.sparse", __name__)
# ---- ragged
from tfcompat.ops.sparse_bincount_ops import sparse_bincount as bincount

# ---- toplevel
# isort: split
from tfcompat.ops.accumulators import SparseConditionalAccumulator  # noqa: E402
