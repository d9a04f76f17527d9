"""``tf.ragged`` array functions: boolean_mask, stack_dynamic_partitions, cross and
cross_hashed."""

from __future__ import annotations

import itertools

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.ragged.ragged_dispatch import _gather_rows
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
from tfcompat.ops.sparse_cross_ops import DEFAULT_HASH_KEY, _as_text, hashed_cross


def _rank(x) -> int | None:
    return x.shape.ndims


def boolean_mask(data, mask, name=None):
    """The values of ``data`` where ``mask`` is true, keeping ``data``'s outer dimensions: a
    RaggedTensor unless ``mask`` is a vector over the rows of a dense ``data``."""
    with ops.name_scope(name, "RaggedMask", [data, mask]):
        if not isinstance(data, RaggedTensor):
            data = ops.convert_to_tensor(data, name="data")
        if not isinstance(mask, RaggedTensor):
            mask = ops.convert_to_tensor(mask, name="mask", dtype=dtypes.bool_)
        mask_rank, data_rank = _rank(mask), _rank(data)
        if mask_rank is None:
            raise ValueError("mask.shape.ndims must be known statically.")
        if data_rank is not None and mask_rank > data_rank:
            raise ValueError(f"Shapes {data.shape} and {mask.shape} are incompatible")
        if mask_rank == 1:
            return _mask_rows(data, mask)
        return _mask_inner(data, mask, mask_rank - 1)


def _mask_rows(data, mask: Tensor):
    """``mask`` (a bool vector) keeps whole rows."""
    if isinstance(data, Tensor):
        return array_ops.boolean_mask(data, mask)
    with ops.name_scope(None, "RaggedMask"):
        value_mask = array_ops.gather(mask, data.value_rowids())
        values = _mask_rows(data.values, value_mask)
    kept = array_ops.boolean_mask(data.row_lengths(), mask)
    splits = array_ops.concat([array_ops.zeros([1], kept.dtype), array_ops.cumsum(kept)],
                              axis=0)
    return RaggedTensor(values, splits, internal=True)


def _mask_inner(data, mask, ragged_rank: int):
    """``mask`` of rank ``ragged_rank + 1`` filters the values of the last dimension it
    covers; the dimensions above keep their rows."""
    if ragged_rank == 1 and isinstance(data, Tensor) and isinstance(mask, Tensor):
        values = array_ops.boolean_mask(data, mask)
        lengths = math_ops.reduce_sum(math_ops.cast(mask, dtypes.int64), axis=1)
        return RaggedTensor.from_row_lengths(values, lengths, validate=False)
    if not isinstance(data, RaggedTensor):
        data = RaggedTensor.from_tensor(data, ragged_rank=ragged_rank)
    if not isinstance(mask, RaggedTensor):
        mask = RaggedTensor.from_tensor(mask, ragged_rank=ragged_rank)
    if data.ragged_rank > ragged_rank or mask.ragged_rank != ragged_rank:
        raise NotImplementedError("tfcompat's ragged.boolean_mask needs data and mask with the "
                                  "same ragged dimensions")
    return _mask_values(data, mask)


def _mask_values(data: RaggedTensor, mask: RaggedTensor) -> RaggedTensor:
    if isinstance(data.values, RaggedTensor):
        return data.with_values(_mask_values(data.values, mask.values))
    keep = mask.values
    with ops.name_scope(None, "RaggedMask"):
        values = array_ops.boolean_mask(data.values, keep)
    kept = array_ops.unsorted_segment_sum(math_ops.cast(keep, data.row_splits.dtype),
                                          mask.value_rowids(), mask.nrows())
    splits = array_ops.concat([array_ops.zeros([1], data.row_splits.dtype),
                               array_ops.cumsum(kept)], axis=0)
    return RaggedTensor(values, splits, internal=True)


def stack_dynamic_partitions(data, partitions, num_partitions, name=None):
    """Row ``p`` of the result holds the elements (rows) of ``data`` whose partition is
    ``p``, in their order in ``data``."""
    with ops.name_scope(name, "SegmentStack", [data, partitions, num_partitions]):
        from tfcompat.ops.sort_ops import argsort
        partitions = ops.convert_to_tensor(partitions, name="partitions")
        if not isinstance(data, RaggedTensor):
            data = ops.convert_to_tensor(data, name="data")
        order = argsort(partitions, stable=True)
        sorted_partitions = array_ops.gather(partitions, order)
        if isinstance(data, Tensor):
            values = array_ops.gather(data, order)
        else:  # the row ids become the data's row partition dtype
            values = _gather_rows(data, order)
            sorted_partitions = math_ops.cast(sorted_partitions, data.row_splits.dtype)
        return RaggedTensor.from_value_rowids(
            values, sorted_partitions,
            nrows=math_ops.cast(num_partitions, sorted_partitions.dtype), validate=False)


# ---- RaggedCross ---------------------------------------------------------------------------------


def _feature_rows(kind: str, parts: list, nrows: int) -> list[list]:
    """One feature's values per row: ``kind`` R (values, splits), S (indices, values) or
    D (a dense matrix)."""
    if kind == "R":
        values, splits = parts
        return [list(values[a:b]) for a, b in zip(splits[:-1], splits[1:])]
    if kind == "S":
        indices, values = parts
        rows: list[list] = [[] for _ in range(nrows)]
        for (r, _), v in zip(indices, values):
            rows[int(r)].append(v)
        return rows
    return [list(row) for row in parts[0]]


def _bind_ragged_cross(op, state):
    a = op._attrs
    order, hashed = a["input_order"], a["hashed_output"]
    buckets, key = a["num_buckets"], a["hash_key"]
    splits_dtype = a["out_row_splits_type"].as_numpy_dtype

    def cross_value(combo):
        if not hashed:
            return b"_X_".join(_as_text(v) for v in combo)
        return hashed_cross(combo, key, buckets)

    def kernel(*args):
        counts = {k: order.count(k) for k in "RSD"}
        pos = 0
        ragged_values = args[pos:pos + counts["R"]]
        pos += counts["R"]
        ragged_splits = args[pos:pos + counts["R"]]
        pos += counts["R"]
        sparse_indices = args[pos:pos + counts["S"]]
        pos += counts["S"]
        sparse_values = args[pos:pos + counts["S"]]
        pos += counts["S"]
        sparse_shapes = args[pos:pos + counts["S"]]
        pos += counts["S"]
        dense = args[pos:]
        if counts["R"]:
            nrows = len(ragged_splits[0]) - 1
        elif counts["S"]:
            nrows = int(sparse_shapes[0][0])
        else:
            nrows = len(dense[0])
        parts = {"R": list(zip(ragged_values, ragged_splits)),
                 "S": list(zip(sparse_indices, sparse_values)), "D": [(d,) for d in dense]}
        taken = {"R": 0, "S": 0, "D": 0}
        features = []
        for kind in order:
            features.append(_feature_rows(kind, list(parts[kind][taken[kind]]), nrows))
            taken[kind] += 1
        crosses = [[cross_value(combo) for combo in itertools.product(*(f[r] for f in features))]
                   for r in range(nrows)]
        values = np.empty(sum(len(c) for c in crosses), dtype=np.int64 if hashed else object)
        values[:] = [v for row in crosses for v in row]
        splits = np.concatenate([[0], np.cumsum([len(c) for c in crosses])]).astype(splits_dtype)
        return values, splits
    return kernel


def _ragged_cross_shape(op):
    a = op._attrs
    return [(a["out_values_type"], TensorShape([None])),
            (a["out_row_splits_type"], TensorShape([None]))]


register_op("RaggedCross",
            inputs=("ragged_values: list(ragged_values_types)",
                    "ragged_row_splits: list(ragged_splits_types)",
                    "sparse_indices: Nsparse*int64", "sparse_values: list(sparse_values_types)",
                    "sparse_shape: Nsparse*int64", "dense_inputs: list(dense_types)"),
            bind=_bind_ragged_cross, shape_fn=_ragged_cross_shape, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def _cross(inputs, hashed: bool, num_buckets: int, hash_key, name):
    if not isinstance(inputs, (list, tuple)):
        raise TypeError("Inputs must be a list")
    with ops.name_scope(name, "RaggedCross", inputs):
        order = ""
        ragged, sparse, dense = [], [], []
        for x in inputs:
            if isinstance(x, SparseTensorValue):
                x = SparseTensor.from_value(x)
            if isinstance(x, RaggedTensor):
                if x.ragged_rank != 1 or x.flat_values.shape.ndims != 1:
                    raise ValueError("tf.ragged.cross only supports inputs with rank=2")
                order += "R"
                ragged.append(x)
            elif isinstance(x, SparseTensor):
                order += "S"
                sparse.append(x)
            else:
                order += "D"
                dense.append(ops.convert_to_tensor(x))
        splits_dtype = dtypes.int64
        values, splits = apply_op(
            "RaggedCross",
            [[r.values for r in ragged], [r.row_splits for r in ragged],
             [s.indices for s in sparse], [s.values for s in sparse],
             [s.dense_shape for s in sparse], dense],
            name="RaggedCross",
            attrs={"input_order": order, "hashed_output": hashed,
                   "num_buckets": int(num_buckets),
                   "hash_key": DEFAULT_HASH_KEY if hash_key is None else int(hash_key),
                   "out_values_type": dtypes.int64 if hashed else dtypes.string,
                   "out_row_splits_type": splits_dtype})
        nrows = _static_rows(ragged, sparse, dense)
        if nrows is not None:
            splits.set_shape([nrows + 1])
        return RaggedTensor(values, splits, internal=True)


def _static_rows(ragged, sparse, dense) -> int | None:
    for r in ragged:
        n = r.shape[0]
        if n is not None:
            return int(n)
    for d in dense:
        if d.shape.ndims and d.shape[0] is not None:
            return int(d.shape[0])
    return None


def cross(inputs, name=None):
    """The per-row crosses of 2-D ragged, sparse or dense ``inputs``, joined by ``"_X_"``."""
    return _cross(inputs, False, 0, None, name)


def cross_hashed(inputs, num_buckets=0, hash_key=None, name=None):
    """The per-row crosses of ``inputs`` hashed (FingerprintCat64) into ``num_buckets``
    (into [0, 2**63 - 1) when 0)."""
    return _cross(inputs, True, num_buckets, hash_key, name)
