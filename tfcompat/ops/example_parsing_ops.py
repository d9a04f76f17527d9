"""``tf.io.parse_example`` / ``parse_single_example`` (op ``ParseExampleV2``) and the feature
configurations ``FixedLenFeature``, ``FixedLenSequenceFeature``, ``VarLenFeature``.

Features are parsed in sorted key order: sparse (VarLen) outputs first, then dense ones, as in
TF. Dense features with a missing value use their default (or fail when it has none);
FixedLenSequenceFeatures are padded with their default to the longest example of the batch.
"""

from __future__ import annotations

import collections
import re
import struct

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops, example_wire
from tfcompat.ops.sparse_ops import sparse_merge

_PARSE_TYPES = (dtypes.float32, dtypes.int64, dtypes.string)


class VarLenFeature(collections.namedtuple("VarLenFeature", ["dtype"])):
    """A variable-length feature, parsed into a SparseTensor."""


class FixedLenFeature(collections.namedtuple("FixedLenFeature",
                                             ["shape", "dtype", "default_value"])):
    """A fixed-length feature of ``shape``, parsed into a dense Tensor."""

    def __new__(cls, shape, dtype, default_value=None):
        return super().__new__(cls, shape, dtype, default_value)


class FixedLenSequenceFeature(collections.namedtuple(
        "FixedLenSequenceFeature", ["shape", "dtype", "allow_missing", "default_value"])):
    """A sequence of ``shape``-shaped items, parsed into a dense Tensor padded per batch."""

    def __new__(cls, shape, dtype, allow_missing=False, default_value=None):
        return super().__new__(cls, shape, dtype, allow_missing, default_value)


class SparseFeature(collections.namedtuple(
        "SparseFeature", ["index_key", "value_key", "dtype", "size", "already_sorted"])):
    """A sparse feature stored as an index feature and a value feature; parsed into a
    SparseTensor of dense shape ``[batch, size]``."""

    def __new__(cls, index_key, value_key, dtype, size, already_sorted=False):
        return super().__new__(cls, index_key, value_key, dtype, size, already_sorted)


def message_feature(feature) -> tuple:
    """A Feature message as ``(kind, values)``, the form example_wire reads."""
    kind = feature.WhichOneof("kind")
    return kind, (list(getattr(feature, kind).value) if kind else [])


def _value_list(feature: tuple, dtype: dtypes.DType):
    """The values of a ``(kind, values)`` feature if its kind matches ``dtype``, else None."""
    kind, values = feature
    want = {dtypes.float32: "float_list", dtypes.int64: "int64_list",
            dtypes.string: "bytes_list"}[dtype]
    if kind is None:
        return []
    if kind != want:
        return None
    return values


_TYPE_NAMES = {"float_list": "float", "int64_list": "int64", "bytes_list": "string"}


def _type_mismatch(name, key, feature, dtype):
    got = _TYPE_NAMES[feature[0]]
    return errors.InvalidArgumentError(
        None, None, f"Name: {name}, Feature: {key}.  Data types don't match. Data type: {got} "
        f"but expected type: {dtype.name.replace('float32', 'float')}")


def _parse_batch(serialized: np.ndarray, names, sparse_keys, sparse_types, dense_keys,
                 dense_types, dense_shapes, dense_defaults):
    scalar = serialized.ndim == 0
    records = serialized.reshape(-1)
    batch = len(records)
    names = [n.decode() if isinstance(n, bytes) else str(n) for n in np.asarray(
        names, dtype=object).reshape(-1)] or ["<unknown>"] * batch
    parsed = []
    for record in records:
        try:
            parsed.append(example_wire.features_of(bytes(record)))
        except (example_wire.WireError, UnicodeDecodeError, struct.error):
            raise errors.InvalidArgumentError(
                None, None, f"Could not parse example input, value: '{record!r}'") from None
    sparse_out = []
    for key, dtype in zip(sparse_keys, sparse_types):
        indices, values, longest = [], [], 0
        for b, features in enumerate(parsed):
            if key not in features:
                continue
            vals = _value_list(features[key], dtype)
            if vals is None:
                raise _type_mismatch(names[b], key, features[key], dtype)
            longest = max(longest, len(vals))
            indices.extend([[j] if scalar else [b, j] for j in range(len(vals))])
            values.extend(vals)
        index_array = np.asarray(indices, dtype=np.int64).reshape(-1, 1 if scalar else 2)
        value_array = np.empty(len(values), dtype=dtype.as_numpy_dtype)
        value_array[:] = values
        shape = [longest] if scalar else [batch, longest]
        sparse_out.append((index_array, value_array, np.asarray(shape, dtype=np.int64)))
    dense_out = []
    for key, dtype, shape, default in zip(dense_keys, dense_types, dense_shapes,
                                          dense_defaults):
        dims = shape.as_list()
        variable = bool(dims) and dims[0] is None
        item_size = int(np.prod(dims[1:] if variable else dims, dtype=np.int64))
        rows = []
        for b, features in enumerate(parsed):
            vals = _value_list(features[key], dtype) if key in features else []
            if vals is None:
                raise _type_mismatch(names[b], key, features[key], dtype)
            if key not in features or (not vals and not variable):
                if variable:
                    rows.append([])
                    continue
                default_array = np.asarray(default)
                if default_array.size == 0:
                    raise errors.InvalidArgumentError(
                        None, None, f"Name: {names[b]}, Feature: {key} (data type: "
                        f"{dtype.name.replace('float32', 'float')}) is required but could not "
                        "be found.")
                rows.append(list(default_array.reshape(-1)))
                continue
            if variable and item_size and len(vals) % item_size:
                raise errors.InvalidArgumentError(
                    None, None, f"Name: {names[b]}, Key: {key}, Index: {b}.  Number of values "
                    f"is not a multiple of stride length. Saw {len(vals)} values but output "
                    f"shape is: {_shape_text(dims)}")
            if not variable and len(vals) != item_size:
                kind = dtype.name.replace("float32", "float").replace("string", "bytes")
                raise errors.InvalidArgumentError(
                    None, None, f"Name: {names[b]}, Key: {key}, Index: {b}.  Number of {kind} "
                    f"values != expected.  Values size: {len(vals)} but output shape: "
                    f"{_shape_text(dims)}")
            rows.append(vals)
        dense_out.append(_stack_dense(rows, dtype, dims, variable, item_size, default,
                                      scalar))
    return sparse_out, dense_out


def _shape_text(dims) -> str:
    return "[" + ",".join("?" if d is None else str(d) for d in dims) + "]"


def _stack_dense(rows, dtype, dims, variable, item_size, default, scalar):
    np_dtype = dtype.as_numpy_dtype
    if variable:
        longest = max((len(r) // item_size if item_size else 0 for r in rows), default=0)
        pad = np.asarray(default).reshape(-1)
        fill = pad[0] if pad.size else (b"" if dtype is dtypes.string else 0)
        out = np.empty((len(rows), longest) + tuple(dims[1:]), dtype=np_dtype)
        out[...] = fill
        flat = out.reshape(len(rows), int(np.prod(out.shape[1:], dtype=np.int64)))
        for b, r in enumerate(rows):
            flat[b, :len(r)] = r
    else:
        out = np.empty((len(rows),) + tuple(dims), dtype=np_dtype)
        flat = out.reshape(len(rows), int(np.prod(out.shape[1:], dtype=np.int64)))
        for b, r in enumerate(rows):
            flat[b, :] = r
    return out[0] if scalar else out


_WANT_KIND = {dtypes.float32: "float_list", dtypes.int64: "int64_list",
              dtypes.string: "bytes_list"}


def _single_fixed_parser(dense_types, dense_shapes):
    """For one record and fixed-shape dense features only (a tf.data ``map`` of
    ``parse_single_example``, parsed element by element): ``parse(record, keys)`` returns the
    dense arrays when every feature is present with the expected kind and count, else None
    (the general path then applies defaults or raises TF's error)."""
    specs = []
    for dtype, shape in zip(dense_types, dense_shapes):
        dims = shape.as_list()
        if dims and dims[0] is None:
            return None
        size = 1
        for d in dims:
            size *= d
        specs.append((_WANT_KIND.get(dtype), dtype.as_numpy_dtype, tuple(dims), size,
                      dtype is dtypes.string))

    def parse(record, keys):
        try:
            features = example_wire.features_of(record)
        except (example_wire.WireError, UnicodeDecodeError, struct.error):
            return None
        out = []
        for key, (kind, np_dtype, dims, size, is_string) in zip(keys, specs):
            feature = features.get(key)
            if feature is None or feature[0] != kind or len(feature[1]) != size:
                return None
            if is_string:
                array = np.empty(size, dtype=object)
                array[:] = feature[1]
                out.append(array.reshape(dims))
            else:
                out.append(np.array(feature[1], dtype=np_dtype).reshape(dims))
        return out
    return parse


def _decoded_keys(keys) -> list[str]:
    return [k.decode() for k in np.asarray(keys, dtype=object).reshape(-1)]


def _bind_parse_example(op, state):
    a = op._attrs
    single = None if a["num_sparse"] or a.get("ragged_value_types") else \
        _single_fixed_parser(a["Tdense"], a["dense_shapes"])

    def kernel(serialized, names, sparse_keys, dense_keys, ragged_keys, *dense_defaults):
        serialized = np.asarray(serialized, dtype=object)
        if single is not None and serialized.ndim == 0:
            dense = single(bytes(serialized[()]), _decoded_keys(dense_keys))
            if dense is not None:
                return tuple(dense) if len(dense) != 1 else dense[0]
        sparse, dense = _parse_batch(
            serialized, names, _decoded_keys(sparse_keys), a["sparse_types"],
            _decoded_keys(dense_keys), a["Tdense"], a["dense_shapes"], dense_defaults)
        indices = [s[0] for s in sparse]
        values = [s[1] for s in sparse]
        shapes = [s[2] for s in sparse]
        outputs = tuple(indices + values + shapes + dense)
        return outputs if len(outputs) != 1 else outputs[0]
    return kernel


def _parse_example_shape(op):
    a = op._attrs
    batch = op.inputs[0].shape
    rank = batch.ndims
    num_sparse = a["num_sparse"]
    index_cols = None if rank is None else rank + 1
    out = [(dtypes.int64, TensorShape([None, index_cols]))] * num_sparse
    out += [(t, TensorShape([None])) for t in a["sparse_types"]]
    out += [(dtypes.int64, TensorShape([index_cols]))] * num_sparse
    out += [(t, batch.concatenate(s)) for t, s in zip(a["Tdense"], a["dense_shapes"])]
    return out


register_op("ParseExampleV2",
            inputs=("serialized: string", "names: string", "sparse_keys: string",
                    "dense_keys: string", "ragged_keys: string",
                    "dense_defaults: list(Tdense)"),
            shape_fn=_parse_example_shape, bind=_bind_parse_example,
            attr_defaults={"ragged_value_types": [], "ragged_split_types": []},
            allowed={"Tdense": _PARSE_TYPES},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _key_name(key: str) -> str:
    return "key_" + re.sub(r"[^A-Za-z0-9_.\-/]", "_", key)


def _features_params(features):
    if not features:
        raise ValueError("Missing: features was {}.")
    sparse_keys, sparse_types = [], []
    dense_keys, dense_types, dense_shapes, dense_defaults = [], [], [], []
    for key in sorted(features):
        feature = features[key]
        if isinstance(feature, VarLenFeature):
            sparse_keys.append(key)
            sparse_types.append(dtypes.as_dtype(feature.dtype))
        elif isinstance(feature, (FixedLenFeature, FixedLenSequenceFeature)):
            dtype = dtypes.as_dtype(feature.dtype)
            shape = as_shape(feature.shape)
            if isinstance(feature, FixedLenSequenceFeature):
                if not feature.allow_missing:
                    raise ValueError(f"Unsupported: FixedLenSequenceFeature requires "
                                     f"allow_missing to be True (feature {key}).")
                shape = TensorShape([None]).concatenate(shape)
            elif not shape.is_fully_defined():
                raise ValueError(f"All dimensions of shape for feature {key} need to be known "
                                 f"but received {shape}.")
            dense_keys.append(key)
            dense_types.append(dtype)
            dense_shapes.append(shape)
            dense_defaults.append((key, feature.default_value, dtype, shape))
        else:
            raise ValueError(f"Unsupported feature config for key {key}: {feature!r} "
                             "(tfcompat supports VarLenFeature, FixedLenFeature and "
                             "FixedLenSequenceFeature)")
    return sparse_keys, sparse_types, dense_keys, dense_types, dense_shapes, dense_defaults


def _default_tensor(key, default, dtype, shape):
    if default is None:
        return ops.convert_to_tensor([], dtype=dtype, name="Const") \
            if dtype is not dtypes.string else ops.convert_to_tensor(
                np.array([], dtype=object), dtype=dtype, name="Const")
    value = ops.convert_to_tensor(default, dtype=dtype, name=_key_name(key))
    if shape.dims is not None and shape.dims and shape.dims[0].value is None:
        return array_ops.reshape(value, [-1])
    return array_ops.reshape(value, shape.as_list())


def parse_example(serialized, features, name=None, example_names=None):
    """Parses a batch of serialized ``Example`` protos into a dict of Tensors and
    SparseTensors, one per entry of ``features``."""
    if features and any(isinstance(f, SparseFeature) for f in features.values()):
        return _parse_with_sparse_features(serialized, features, name, example_names)
    if features and any(type(f).__name__ == "RaggedFeature" for f in features.values()):
        return _parse_with_ragged_features(serialized, features, name, example_names)
    sparse_keys, sparse_types, dense_keys, dense_types, dense_shapes, defaults = \
        _features_params(features)
    with ops.name_scope(name, "ParseExample", [serialized, example_names]):
        serialized = ops.convert_to_tensor(serialized, dtype=dtypes.string, name="serialized")
        default_tensors = [_default_tensor(*d) for d in defaults]
        names = [] if example_names is None else example_names
        out = ops.apply_op("ParseExampleV2", [
            serialized, names, sparse_keys, dense_keys, [], default_tensors],
            name="ParseExampleV2", attrs={
                "Tdense": dense_types, "num_sparse": len(sparse_keys),
                "sparse_types": sparse_types, "dense_shapes": dense_shapes})
    out = out if isinstance(out, list) else [out]
    n = len(sparse_keys)
    result = {}
    for i, key in enumerate(sparse_keys):
        result[key] = SparseTensor(out[i], out[n + i], out[2 * n + i])
    for i, key in enumerate(dense_keys):
        result[key] = out[3 * n + i]
    return result


def parse_single_example(serialized, features, name=None, example_names=None):
    """Parses one serialized ``Example`` (a scalar string) into a dict of Tensors and
    SparseTensors."""
    if not features:
        raise ValueError("Invalid argument: features cannot be None.")
    with ops.name_scope(name, "ParseSingleExample", [serialized, example_names]):
        serialized = ops.convert_to_tensor(serialized, name="serialized")
        if serialized.shape.ndims not in (None, 0):
            raise ValueError("Input serialized must be a scalar")
        return parse_example(serialized, features, None, example_names)


def _parse_with_sparse_features(serialized, features, name, example_names):
    """SparseFeatures parse their index and value keys as VarLenFeatures, then merge them."""
    plain = {k: f for k, f in features.items() if not isinstance(f, SparseFeature)}
    for feature in features.values():
        if isinstance(feature, SparseFeature):
            if isinstance(feature.index_key, (list, tuple)):
                raise NotImplementedError("tfcompat supports SparseFeature with one index_key")
            plain.setdefault(feature.index_key, VarLenFeature(dtypes.int64))
            plain.setdefault(feature.value_key, VarLenFeature(feature.dtype))
    parsed = parse_example(serialized, plain, name, example_names)
    result = {k: v for k, v in parsed.items() if k in features}
    for key, feature in features.items():
        if isinstance(feature, SparseFeature):
            result[key] = sparse_merge(parsed[feature.index_key], parsed[feature.value_key],
                                       feature.size, already_sorted=feature.already_sorted)
    return result


def _parse_with_ragged_features(serialized, features, name, example_names):
    """RaggedFeatures parse their value and partition keys as VarLenFeatures, then build
    their RaggedTensors (tfcompat.ops.ragged.ragged_parsing)."""
    from tfcompat.ops.ragged import ragged_parsing
    ragged = {k: f for k, f in features.items() if isinstance(f, ragged_parsing.RaggedFeature)}
    plain = {k: f for k, f in features.items() if k not in ragged}
    for key, feature in ragged.items():
        for helper_key, helper in ragged_parsing.helper_features(key, feature,
                                                                 VarLenFeature).items():
            plain.setdefault(helper_key, helper)
    shape = (serialized.shape.as_list() if isinstance(serialized, ops.Tensor)
             and serialized.shape.ndims is not None else list(np.shape(serialized)))
    parsed = parse_example(serialized, plain, name, example_names)
    result = {k: v for k, v in parsed.items() if k in features and k not in ragged}
    for key, feature in ragged.items():
        if len(shape) == 0:
            result[key] = ragged_parsing.build_single(feature, key, parsed)
        else:
            result[key] = ragged_parsing.build_batch(feature, key, parsed, shape[0])
    return result
