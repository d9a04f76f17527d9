"""``tf.sparse.bincount``: counts of each value (per row with ``axis=-1``) as a SparseTensor,
for dense, sparse and ragged inputs (DenseCountSparseOutput, SparseCountSparseOutput,
RaggedCountSparseOutput)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.op_helpers import INDEX_TYPES

_COUNT_ATTRS = ("minlength", "maxlength", "binary_output", "output_type")


def _count(rows: list[tuple[np.ndarray, np.ndarray | None]], nrows: int | None, minlength,
           maxlength, binary_output, output_type):
    """``rows`` of (values, weights): the sparse counts. ``nrows`` None counts one flat
    vector (a rank-1 result)."""
    for values, _ in rows:
        if values.size and values.min() < 0:
            raise errors.InvalidArgumentError(None, None,
                                              "Input values must all be non-negative")
    largest = max((int(v.max()) for v, _ in rows if v.size), default=0)  # TF: width >= 1
    width = max(largest + 1, minlength if minlength >= 0 else 0)
    if maxlength >= 0:
        width = min(width, maxlength)
    indices, counts = [], []
    out_dtype = output_type.as_numpy_dtype
    for r, (values, weights) in enumerate(rows):
        keep = values < width
        kept = values[keep]
        totals = np.zeros(width, dtype=out_dtype)
        if binary_output:
            totals[kept] = 1
        elif weights is None or weights.size == 0:
            np.add.at(totals, kept, 1)
        else:
            np.add.at(totals, kept, weights[keep].astype(out_dtype))
        present = np.zeros(width, dtype=bool)
        present[kept] = True
        for v in np.nonzero(present)[0]:
            indices.append([v] if nrows is None else [r, v])
            counts.append(totals[v])
    rank = 1 if nrows is None else 2
    shape = [width] if nrows is None else [nrows, width]
    return (np.asarray(indices, np.int64).reshape(-1, rank), np.asarray(counts, out_dtype),
            np.asarray(shape, np.int64))


def _dense_kernel(values, weights, minlength, maxlength, binary_output, output_type):
    if values.ndim == 1:
        return _count([(values, weights)], None, minlength, maxlength, binary_output,
                      output_type)
    rows = [(values[r], weights[r] if weights.size else None) for r in range(len(values))]
    return _count(rows, len(values), minlength, maxlength, binary_output, output_type)


def _sparse_kernel(indices, values, dense_shape, weights, minlength, maxlength, binary_output,
                   output_type):
    nrows = int(dense_shape[0])
    rows = []
    for r in range(nrows):
        at = indices[:, 0] == r
        rows.append((values[at], weights[at] if weights.size else None))
    return _count(rows, nrows, minlength, maxlength, binary_output, output_type)


def _ragged_kernel(splits, values, weights, minlength, maxlength, binary_output, output_type):
    rows = [(values[a:b], weights[a:b] if weights.size else None)
            for a, b in zip(splits[:-1], splits[1:])]
    return _count(rows, len(rows), minlength, maxlength, binary_output, output_type)


def _count_shape(rank_of):
    def shape_fn(op):
        rank = rank_of(op)
        return [(dtypes.int64, TensorShape([None, rank])),
                (op._attrs["output_type"], TensorShape([None])),
                (dtypes.int64, TensorShape([rank]))]
    return shape_fn


_ALLOWED = {"T": INDEX_TYPES,
            "output_type": (dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64)}
_DEFAULTS = {"minlength": -1, "maxlength": -1}
register_op("DenseCountSparseOutput", inputs=("values: T", "weights: output_type"),
            kernel=_dense_kernel, kernel_attrs=_COUNT_ATTRS,
            shape_fn=_count_shape(lambda op: op.inputs[0].shape.ndims),
            allowed=_ALLOWED, attr_defaults=_DEFAULTS, grad=NOT_DIFFERENTIABLE)
register_op("SparseCountSparseOutput",
            inputs=("indices: int64", "values: T", "dense_shape: int64",
                    "weights: output_type"),
            kernel=_sparse_kernel, kernel_attrs=_COUNT_ATTRS, shape_fn=_count_shape(lambda op: 2),
            allowed=_ALLOWED, attr_defaults=_DEFAULTS, grad=NOT_DIFFERENTIABLE)
register_op("RaggedCountSparseOutput",
            inputs=("splits: int64", "values: T", "weights: output_type"),
            kernel=_ragged_kernel, kernel_attrs=_COUNT_ATTRS, shape_fn=_count_shape(lambda op: 2),
            allowed=_ALLOWED, attr_defaults=_DEFAULTS, grad=NOT_DIFFERENTIABLE)


def _is_ragged(x) -> bool:
    return hasattr(x, "flat_values") and hasattr(x, "row_splits")


def _flat(x):
    if isinstance(x, SparseTensor):
        return x.values
    if _is_ragged(x):
        return x.flat_values
    return array_ops.reshape(x, [-1])


def sparse_bincount(values, weights=None, axis=0, minlength=None, maxlength=None,
                    binary_output=False, name=None):
    """Counts each value of ``values`` (dense, SparseTensor or RaggedTensor), over all of it
    (``axis=0``) or per row (``axis=-1``), as a SparseTensor (``tf.sparse.bincount``)."""
    with ops.name_scope(name, "count", [values, weights]):
        if axis not in (0, -1):
            raise ValueError(f"Unsupported value for argument axis={axis}. Only 0 and -1 are "
                             "currently supported.")
        if isinstance(values, SparseTensorValue):
            values = SparseTensor.from_value(values)
        if not isinstance(values, SparseTensor) and not _is_ragged(values):
            values = ops.convert_to_tensor(values, name="values")
        if isinstance(weights, SparseTensorValue):
            weights = SparseTensor.from_value(weights)
        if weights is not None and not isinstance(weights, SparseTensor) \
                and not _is_ragged(weights):
            weights = ops.convert_to_tensor(weights, name="weights")
        output_type = values.dtype if weights is None else weights.dtype
        attrs = {"minlength": -1 if minlength is None else int(minlength),
                 "maxlength": -1 if maxlength is None else int(maxlength),
                 "binary_output": bool(binary_output), "output_type": output_type}
        empty = constant_op.constant([], dtype=output_type)
        if axis == 0 or (isinstance(values, ops.Tensor) and values.shape.ndims == 1):
            flat_weights = empty if weights is None else _flat(weights)
            outputs = apply_op("DenseCountSparseOutput", [_flat(values), flat_weights],
                               name="DenseCountSparseOutput", attrs=attrs)
        elif isinstance(values, SparseTensor):
            w = empty if weights is None else weights.values
            outputs = apply_op("SparseCountSparseOutput",
                               [values.indices, values.values, values.dense_shape, w],
                               name="SparseCountSparseOutput", attrs=attrs)
        elif _is_ragged(values):
            w = empty if weights is None else weights.flat_values
            outputs = apply_op("RaggedCountSparseOutput",
                               [values.row_splits, values.flat_values, w],
                               name="RaggedCountSparseOutput", attrs=attrs)
        else:
            w = empty if weights is None else weights
            outputs = apply_op("DenseCountSparseOutput", [values, w],
                               name="DenseCountSparseOutput", attrs=attrs)
        return SparseTensor(*outputs)
