"""``tf.io.parse_single_sequence_example`` / ``parse_sequence_example`` (op
``ParseSequenceExampleV2``): a SequenceExample's context features and feature lists.

Context features parse like an Example's. A feature list is a sequence of Features: a
FixedLenSequenceFeature becomes a dense ``[steps, *shape]`` tensor (padded to the longest
sequence in a batch, with its length reported), a VarLenFeature a SparseTensor indexed
``[step, j]`` (``[batch, step, j]`` for a batch).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops.example_parsing_ops import (
    FixedLenFeature,
    FixedLenSequenceFeature,
    VarLenFeature,
    _default_tensor,
    _parse_batch,
    _type_mismatch,
    _value_list,
    message_feature,
)
from tfcompat.protobuf.example_pb2 import Example, SequenceExample


def _split_context(features):
    sparse, dense = [], []
    for key in sorted(features or {}):
        feature = features[key]
        if isinstance(feature, VarLenFeature):
            sparse.append((key, dtypes.as_dtype(feature.dtype)))
        elif isinstance(feature, FixedLenFeature):
            dense.append((key, dtypes.as_dtype(feature.dtype), as_shape(feature.shape),
                          feature.default_value))
        else:
            raise ValueError(f"Unsupported context feature for key {key}: {feature!r}")
    return sparse, dense


def _split_sequence(features):
    sparse, dense = [], []
    for key in sorted(features or {}):
        feature = features[key]
        if isinstance(feature, VarLenFeature):
            sparse.append((key, dtypes.as_dtype(feature.dtype)))
        elif isinstance(feature, FixedLenSequenceFeature):
            dense.append((key, dtypes.as_dtype(feature.dtype), as_shape(feature.shape),
                          feature.allow_missing))
        else:
            raise ValueError(f"Unsupported sequence feature for key {key}: {feature!r} (use "
                             "FixedLenSequenceFeature or VarLenFeature)")
    return sparse, dense


def _feature_list_values(example, key, dtype, name):
    lists = example.feature_lists.feature_list
    if key not in lists:
        return None
    steps = []
    for message in lists[key].feature:
        feature = message_feature(message)
        values = _value_list(feature, dtype)
        if values is None:
            raise _type_mismatch(name, key, feature, dtype)
        steps.append(values)
    return steps


def _bind_parse_sequence(op, state):
    a = op._attrs

    def kernel(serialized, debug_name, c_sparse_keys, c_dense_keys, c_ragged_keys,
               fl_sparse_keys, fl_dense_keys, fl_ragged_keys, missing_empty, *c_defaults):
        def keys(t):
            return [k.decode() if isinstance(k, bytes) else str(k)
                    for k in np.asarray(t, dtype=object).reshape(-1)]
        serialized = np.asarray(serialized, dtype=object)
        scalar = serialized.ndim == 0
        records = [bytes(r) for r in serialized.reshape(-1)]
        try:
            examples = [SequenceExample.FromString(r) for r in records]
        except Exception:  # noqa: BLE001 - TF's "Could not parse"
            raise errors.InvalidArgumentError(None, None,
                                              "Could not parse example input") from None
        # Context features: parsed as Examples made of each context.
        contexts = np.empty(serialized.shape, dtype=object)
        contexts.reshape(-1)[:] = [Example(features=e.context).SerializeToString()
                                   for e in examples]
        c_sparse, c_dense = _parse_batch(
            contexts, debug_name, keys(c_sparse_keys), a["context_sparse_types"],
            keys(c_dense_keys), a["Tcontext_dense"], a["context_dense_shapes"], c_defaults)
        name = "<unknown>"
        missing_ok = np.asarray(missing_empty, dtype=bool).reshape(-1)
        fl_sparse_out = []
        for key, dtype in zip(keys(fl_sparse_keys), a["feature_list_sparse_types"]):
            indices, values, longest_steps, longest = [], [], 0, 0
            for b, example in enumerate(examples):
                steps = _feature_list_values(example, key, dtype, name) or []
                longest_steps = max(longest_steps, len(steps))
                for t, step in enumerate(steps):
                    longest = max(longest, len(step))
                    for j, v in enumerate(step):
                        indices.append([t, j] if scalar else [b, t, j])
                        values.append(v)
            rank = 2 if scalar else 3
            value_array = np.empty(len(values), dtype=dtype.as_numpy_dtype)
            value_array[:] = values
            shape = [longest_steps, longest] if scalar else [len(examples), longest_steps,
                                                             longest]
            fl_sparse_out.append((np.asarray(indices, np.int64).reshape(-1, rank), value_array,
                                  np.asarray(shape, np.int64)))
        fl_dense_out, lengths = [], []
        dense_keys = keys(fl_dense_keys)
        for i, (key, dtype, shape) in enumerate(zip(dense_keys, a["feature_list_dense_types"],
                                                    a["feature_list_dense_shapes"])):
            assumed_empty = bool(missing_ok[i]) if i < missing_ok.size else False
            item = int(np.prod(shape.as_list(), dtype=np.int64))
            rows = []
            for example in examples:
                steps = _feature_list_values(example, key, dtype, name)
                if steps is None:
                    if not assumed_empty:
                        raise errors.InvalidArgumentError(
                            None, None, f"Name: {name}, Feature list '{key}' is required but "
                            "could not be found.  Did you mean to include it in "
                            "feature_list_dense_missing_assumed_empty or "
                            "feature_list_dense_defaults?")
                    steps = []
                for t, step in enumerate(steps):
                    if len(step) != item:
                        raise errors.InvalidArgumentError(
                            None, None, f"Name: {name}, Key: {key}, Index: {t}.  Number of "
                            f"values != expected.  values size: {len(step)} but output shape: "
                            f"{shape.as_list()}")
                rows.append(steps)
            longest = max((len(r) for r in rows), default=0)
            out = np.zeros((len(rows), longest) + tuple(shape.as_list()),
                           dtype=dtype.as_numpy_dtype)
            if dtype is dtypes.string:
                out[...] = b""
            flat = out.reshape(len(rows), longest, item)
            for b, steps in enumerate(rows):
                for t, step in enumerate(steps):
                    flat[b, t, :] = step
            fl_dense_out.append(out[0] if scalar else out)
            lengths.append(np.asarray(len(rows[0]) if scalar else [len(r) for r in rows],
                                      dtype=np.int64))
        outputs = ([s[0] for s in c_sparse] + [s[1] for s in c_sparse]
                   + [s[2] for s in c_sparse] + list(c_dense)
                   + [s[0] for s in fl_sparse_out] + [s[1] for s in fl_sparse_out]
                   + [s[2] for s in fl_sparse_out] + fl_dense_out + lengths)
        return tuple(outputs) if len(outputs) != 1 else outputs[0]
    return kernel


def _parse_sequence_shape(op):
    a = op._attrs
    batch = op.inputs[0].shape
    rank = batch.ndims
    out = []
    n_cs = a["Ncontext_sparse"]
    c_cols = None if rank is None else rank + 1
    out += [(dtypes.int64, TensorShape([None, c_cols]))] * n_cs
    out += [(t, TensorShape([None])) for t in a["context_sparse_types"]]
    out += [(dtypes.int64, TensorShape([c_cols]))] * n_cs
    out += [(t, batch.concatenate(s)) for t, s in zip(a["Tcontext_dense"],
                                                      a["context_dense_shapes"])]
    n_fs = a["Nfeature_list_sparse"]
    f_cols = None if rank is None else rank + 2
    out += [(dtypes.int64, TensorShape([None, f_cols]))] * n_fs
    out += [(t, TensorShape([None])) for t in a["feature_list_sparse_types"]]
    out += [(dtypes.int64, TensorShape([f_cols]))] * n_fs
    out += [(t, batch.concatenate([None]).concatenate(s))
            for t, s in zip(a["feature_list_dense_types"], a["feature_list_dense_shapes"])]
    out += [(dtypes.int64, batch)] * a["Nfeature_list_dense"]
    return out


register_op("ParseSequenceExampleV2", inputs=(
    "serialized: string", "debug_name: string", "context_sparse_keys: string",
    "context_dense_keys: string", "context_ragged_keys: string",
    "feature_list_sparse_keys: string", "feature_list_dense_keys: string",
    "feature_list_ragged_keys: string", "feature_list_dense_missing_assumed_empty: bool",
    "context_dense_defaults: list(Tcontext_dense)"),
    shape_fn=_parse_sequence_shape, bind=_bind_parse_sequence,
    foldable=False, grad=NOT_DIFFERENTIABLE,
    attr_defaults={"context_ragged_value_types": [], "context_ragged_split_types": [],
                   "feature_list_ragged_value_types": [], "feature_list_ragged_split_types": []})


def _parse_sequence(serialized, context_features, sequence_features, example_names):
    c_sparse, c_dense = _split_context(context_features)
    f_sparse, f_dense = _split_sequence(sequence_features)
    with ops.name_scope(None, "ParseSequenceExample"):
        defaults = [_default_tensor(key, default, dtype, shape)
                    for key, dtype, shape, default in c_dense]
        missing = [bool(allow) for *_, allow in f_dense]
        out = ops.apply_op("ParseSequenceExampleV2", [
            serialized, [] if example_names is None else example_names,
            [k for k, _ in c_sparse], [k for k, *_ in c_dense], [],
            [k for k, _ in f_sparse], [k for k, *_ in f_dense], [],
            missing,
            defaults], name="ParseSequenceExampleV2", attrs={
                "Ncontext_sparse": len(c_sparse), "Ncontext_dense": len(c_dense),
                "Nfeature_list_sparse": len(f_sparse), "Nfeature_list_dense": len(f_dense),
                "context_sparse_types": [t for _, t in c_sparse],
                "Tcontext_dense": [t for _, t, *_ in c_dense],
                "context_dense_shapes": [s for _, _, s, _ in c_dense],
                "feature_list_sparse_types": [t for _, t in f_sparse],
                "feature_list_dense_types": [t for _, t, *_ in f_dense],
                "feature_list_dense_shapes": [s for _, _, s, _ in f_dense]})
    out = out if isinstance(out, list) else [out]
    it = iter(out)

    def take(n):
        return [next(it) for _ in range(n)]
    cs_i, cs_v, cs_s = take(len(c_sparse)), take(len(c_sparse)), take(len(c_sparse))
    context = {k: SparseTensor(i, v, s) for (k, _), i, v, s in zip(c_sparse, cs_i, cs_v, cs_s)}
    context.update(zip([k for k, *_ in c_dense], take(len(c_dense))))
    fs_i, fs_v, fs_s = take(len(f_sparse)), take(len(f_sparse)), take(len(f_sparse))
    lists = {k: SparseTensor(i, v, s) for (k, _), i, v, s in zip(f_sparse, fs_i, fs_v, fs_s)}
    lists.update(zip([k for k, *_ in f_dense], take(len(f_dense))))
    lengths = dict(zip([k for k, *_ in f_dense], take(len(f_dense))))
    return context, lists, lengths


def parse_single_sequence_example(serialized, context_features=None, sequence_features=None,
                                  example_name=None, name=None):
    """Parses one SequenceExample: returns ``(context, feature_lists)`` dicts."""
    if not (context_features or sequence_features):
        raise ValueError("Missing features.")
    with ops.name_scope(name, "ParseSingleSequenceExample", [serialized, example_name]):
        with ops.name_scope("ParseSingleExample"):
            serialized = ops.convert_to_tensor(serialized, dtype=dtypes.string,
                                               name="serialized")
        if serialized.shape.ndims not in (None, 0):
            raise ValueError("Input serialized must be a scalar")
        context, lists, _ = _parse_sequence(serialized, context_features, sequence_features,
                                            example_name)
        return context, lists


def parse_sequence_example(serialized, context_features=None, sequence_features=None,
                           example_names=None, name=None):
    """Parses a batch of SequenceExamples: returns ``(context, feature_lists, lengths)``."""
    if not (context_features or sequence_features):
        raise ValueError("Missing features.")
    with ops.name_scope(name, "ParseSequenceExample", [serialized, example_names]):
        serialized = ops.convert_to_tensor(serialized, dtype=dtypes.string, name="serialized")
        return _parse_sequence(serialized, context_features, sequence_features, example_names)
