# ruff: noqa: F401
"""``tf.sparse``: SparseTensor construction, conversion, reductions and products."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "SparseTensor": "tfcompat.framework.sparse_tensor:SparseTensor",
    "cross": "tfcompat.ops.sparse_cross_ops:sparse_cross",
    "cross_hashed": "tfcompat.ops.sparse_cross_ops:sparse_cross_hashed",
    "expand_dims": "tfcompat.ops.sparse_extra_ops:sparse_expand_dims",
    "eye": "tfcompat.ops.sparse_extra_ops:sparse_eye",
    "mask": "tfcompat.ops.sparse_extra_ops:sparse_mask",
    "reduce_max_sparse": "tfcompat.ops.sparse_extra_ops:sparse_reduce_max_sparse",
    "reduce_sum_sparse": "tfcompat.ops.sparse_extra_ops:sparse_reduce_sum_sparse",
    "reset_shape": "tfcompat.ops.sparse_extra_ops:sparse_reset_shape",
    "segment_mean": "tfcompat.ops.sparse_extra_ops:sparse_segment_mean",
    "segment_sqrt_n": "tfcompat.ops.sparse_extra_ops:sparse_segment_sqrt_n",
    "segment_sum": "tfcompat.ops.sparse_extra_ops:sparse_segment_sum",
    "fill_empty_rows": "tfcompat.ops.sparse_math_ops:sparse_fill_empty_rows",
    "maximum": "tfcompat.ops.sparse_math_ops:sparse_maximum",
    "minimum": "tfcompat.ops.sparse_math_ops:sparse_minimum",
    "reduce_max": "tfcompat.ops.sparse_math_ops:sparse_reduce_max",
    "reduce_sum": "tfcompat.ops.sparse_math_ops:sparse_reduce_sum",
    "slice": "tfcompat.ops.sparse_math_ops:sparse_slice",
    "softmax": "tfcompat.ops.sparse_math_ops:sparse_softmax",
    "split": "tfcompat.ops.sparse_math_ops:sparse_split",
    "matmul": "tfcompat.ops.sparse_math_ops:sparse_tensor_dense_matmul",
    "sparse_dense_matmul": "tfcompat.ops.sparse_math_ops:sparse_tensor_dense_matmul",
    "from_dense": "tfcompat.ops.sparse_ops:from_dense",
    "add": "tfcompat.ops.sparse_ops:sparse_add",
    "concat": "tfcompat.ops.sparse_ops:sparse_concat",
    "merge": "tfcompat.ops.sparse_ops:sparse_merge",
    "placeholder": "tfcompat.ops.sparse_ops:sparse_placeholder",
    "reorder": "tfcompat.ops.sparse_ops:sparse_reorder",
    "reshape": "tfcompat.ops.sparse_ops:sparse_reshape",
    "retain": "tfcompat.ops.sparse_ops:sparse_retain",
    "to_dense": "tfcompat.ops.sparse_ops:sparse_tensor_to_dense",
    "to_indicator": "tfcompat.ops.sparse_ops:sparse_to_indicator",
    "transpose": "tfcompat.ops.sparse_ops:sparse_transpose",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.sparse", __name__))
# ---- ragged
_LAZY.update({
    "bincount": "tfcompat.ops.sparse_bincount_ops:sparse_bincount",
    "SparseConditionalAccumulator": "tfcompat.ops.accumulators:SparseConditionalAccumulator",
})
