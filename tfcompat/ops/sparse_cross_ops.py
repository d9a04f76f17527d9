"""``tf.sparse.cross`` / ``cross_hashed``: per-row cartesian products of sparse and dense
features (the feature crosses of wide models), as strings or as TF's FingerprintCat64 hashes.
"""

from __future__ import annotations

import itertools

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.string_hash import _shift_mix, fingerprint64

_M64 = (1 << 64) - 1
_CAT_MUL = 0xC6A4A7935BD1E995
DEFAULT_HASH_KEY = 0xDECAFCAFFE  # TF's hash_key when none is given
_INT64_MAX = (1 << 63) - 1


def fingerprint_cat64(fp1: int, fp2: int) -> int:
    """TF's FingerprintCat64: combines two 64-bit fingerprints."""
    result = fp1 ^ _CAT_MUL
    result ^= (_shift_mix((fp2 * _CAT_MUL) & _M64) * _CAT_MUL) & _M64
    result = (result * _CAT_MUL) & _M64
    result = (_shift_mix(result) * _CAT_MUL) & _M64
    return _shift_mix(result)


def _rows(n_sparse: int, args) -> tuple[int, list[list[list]]]:
    """Per feature, per row, the list of values (sparse features first, then dense)."""
    indices = args[:n_sparse]
    values = args[n_sparse:2 * n_sparse]
    shapes = args[2 * n_sparse:3 * n_sparse]
    dense = args[3 * n_sparse:]
    batch = int(np.asarray(shapes[0])[0]) if n_sparse else len(np.asarray(dense[0]))
    features = []
    for idx, vals in zip(indices, values):
        rows: list[list] = [[] for _ in range(batch)]
        for (r, *_), v in zip(np.asarray(idx).reshape(len(np.asarray(vals)), -1),
                              np.asarray(vals, dtype=object) if np.asarray(vals).dtype == object
                              else np.asarray(vals)):
            rows[int(r)].append(v)
        features.append(rows)
    for d in dense:
        d = np.asarray(d)
        features.append([list(d[r]) for r in range(batch)])
    return batch, features


def _assemble(batch: int, crosses: list[list], dtype) -> tuple:
    indices = [[r, j] for r in range(batch) for j in range(len(crosses[r]))]
    values = np.empty(len(indices), dtype=dtype)
    values[:] = [v for row in crosses for v in row]
    longest = max((len(c) for c in crosses), default=0)
    return (np.asarray(indices, np.int64).reshape(-1, 2), values,
            np.asarray([batch, longest], np.int64))


def _as_text(v) -> bytes:
    if isinstance(v, bytes):
        return v
    return str(int(v) if isinstance(v, (np.integer, int)) else v).encode()


def _bind_cross_strings(op, state):
    n = op._attrs["N"]

    def kernel(*args):
        *features, sep = args
        sep = np.asarray(sep, dtype=object)[()]
        sep = sep.encode() if isinstance(sep, str) else sep
        batch, rows = _rows(n, features)
        crosses = [[sep.join(_as_text(v) for v in combo)
                    for combo in itertools.product(*(f[r] for f in rows))]
                   for r in range(batch)]
        return _assemble(batch, crosses, object)
    return kernel


def hashed_cross(combo, key: int, buckets: int) -> int:
    """TF's hashed feature cross of one combination of values: FingerprintCat64 of the values'
    fingerprints (strings: Fingerprint64; integers: themselves) from ``key``, modulo
    ``buckets`` (or modulo INT64_MAX without buckets)."""
    out = key
    for v in combo:
        if isinstance(v, (bytes, str)):
            fp = fingerprint64(v if isinstance(v, bytes) else v.encode())
        else:
            fp = int(v) & _M64
        out = fingerprint_cat64(out, fp)
    return out % buckets if buckets > 0 else out % _INT64_MAX


def _bind_cross_hashed(op, state):
    n = op._attrs["N"]
    buckets = op._attrs["num_buckets"]
    key = op._attrs["hash_key"]

    def cross(combo) -> int:
        return hashed_cross(combo, key, buckets)

    def kernel(*args):
        batch, rows = _rows(n, args)
        crosses = [[cross(combo) for combo in itertools.product(*(f[r] for f in rows))]
                   for r in range(batch)]
        return _assemble(batch, crosses, np.int64)
    return kernel


def _cross_shapes(value_dtype):
    return lambda op: [(dtypes.int64, TensorShape([None, 2])),
                       (value_dtype, TensorShape([None])), (dtypes.int64, TensorShape([2]))]


register_op("SparseCrossV2", inputs=("indices: N*int64", "values: list(sparse_types)",
                                     "shapes: N*int64", "dense_inputs: list(dense_types)",
                                     "sep: string"),
            shape_fn=_cross_shapes(dtypes.string), bind=_bind_cross_strings, foldable=False,
            grad=NOT_DIFFERENTIABLE)
register_op("SparseCross", inputs=("indices: N*int64", "values: list(sparse_types)",
                                   "shapes: N*int64", "dense_inputs: list(dense_types)"),
            shape_fn=_cross_shapes(dtypes.int64), bind=_bind_cross_hashed, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def _split_inputs(inputs):
    if not isinstance(inputs, (list, tuple)):
        raise TypeError("Inputs must be a list")
    inputs = [SparseTensor.from_value(i) if isinstance(i, SparseTensorValue) else i
              for i in inputs]
    sparse = [i for i in inputs if isinstance(i, SparseTensor)]
    dense = [ops.convert_to_tensor(i) for i in inputs if not isinstance(i, SparseTensor)]
    return sparse, dense


def sparse_cross(inputs, name=None, separator=None):
    """The per-row crosses of ``inputs`` (SparseTensors and dense 2-D tensors) as strings
    joined by ``separator`` (default ``"_X_"``)."""
    sparse, dense = _split_inputs(inputs)
    out = ops.apply_op("SparseCrossV2", [
        [s.indices for s in sparse], [s.values for s in sparse],
        [s.dense_shape for s in sparse], dense,
        ops.convert_to_tensor("_X_" if separator is None else separator, dtype=dtypes.string,
                              name="sep")], name=name or "SparseCrossV2")
    return SparseTensor(*out)


def sparse_cross_hashed(inputs, num_buckets=0, hash_key=None, name=None):
    """The per-row crosses of ``inputs`` hashed (FingerprintCat64) into ``num_buckets``
    (all int64 values when 0)."""
    sparse, dense = _split_inputs(inputs)
    out = ops.apply_op("SparseCross", [
        [s.indices for s in sparse], [s.values for s in sparse],
        [s.dense_shape for s in sparse], dense], name=name or "SparseCross", attrs={
            "hashed_output": True, "num_buckets": int(num_buckets),
            "hash_key": DEFAULT_HASH_KEY if hash_key is None else int(hash_key),
            "out_type": dtypes.int64, "internal_type": dtypes.string})
    return SparseTensor(*out)
