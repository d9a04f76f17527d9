"""String ops producing or consuming structure: split (to SparseTensor), format,
unicode_transcode."""

from __future__ import annotations

import base64
import json

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops import logging_ops as _logging_ops  # noqa: F401 - registers StringFormat
from tfcompat.ops.string_ops import _map_strings, as_bytes_array
from tfcompat.protobuf.example_pb2 import (
    BytesList,
    Example,
    Feature,
    Features,
    FloatList,
    Int64List,
)

_SPLIT_SHAPES = [(dtypes.int64, TensorShape([None, 2])), (dtypes.string, TensorShape([None])),
                 (dtypes.int64, TensorShape([2]))]


def _split_shapes(op):
    """StringSplit(V2) split a vector of strings at a scalar separator."""
    from tfcompat.ops.array.slice_common import _with_rank
    _with_rank(op.inputs[0].shape, 1)
    _with_rank(op.inputs[1].shape, 0)
    return _SPLIT_SHAPES


def _sparse_rows(rows: list[list[bytes]]):
    indices = [[i, j] for i, row in enumerate(rows) for j in range(len(row))]
    values = np.empty(len(indices), dtype=object)
    values[:] = [v for row in rows for v in row]
    longest = max((len(r) for r in rows), default=0)
    return (np.asarray(indices, dtype=np.int64).reshape(-1, 2), values,
            np.asarray([len(rows), longest], dtype=np.int64))


def _bind_string_split(op, state):
    skip_empty = op._attrs["skip_empty"]

    def kernel(value, delimiter):
        items = as_bytes_array(value).reshape(-1)
        delimiter = as_bytes_array(delimiter)[()]
        rows = []
        for s in items:
            if delimiter:
                pieces = [s]
                for d in delimiter:
                    pieces = [p for piece in pieces for p in piece.split(bytes([d]))]
            else:
                pieces = [bytes([b]) for b in s]
            rows.append([p for p in pieces if p or not skip_empty])
        return _sparse_rows(rows)
    return kernel


register_op("StringSplit", inputs=("input: string", "delimiter: string"),
            shape_fn=_split_shapes, bind=_bind_string_split,
            attr_defaults={"skip_empty": True},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _bind_string_split_v2(op, state):
    maxsplit = op._attrs["maxsplit"]

    def kernel(value, sep):
        items = as_bytes_array(value).reshape(-1)
        sep = as_bytes_array(sep)[()]
        limit = -1 if maxsplit < 0 else maxsplit
        rows = [s.split(sep or None, limit) if s or sep else [] for s in items]
        return _sparse_rows(rows)
    return kernel


register_op("StringSplitV2", inputs=("input: string", "sep: string"),
            shape_fn=_split_shapes, bind=_bind_string_split_v2,
            attr_defaults={"maxsplit": -1},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def string_split(source, sep=None, skip_empty=True, delimiter=None, result_type="SparseTensor",
                 name=None):
    """Splits each string at any character of ``delimiter`` (default a space) into a
    SparseTensor of shape ``[batch, max_pieces]`` (``tf.string_split``)."""
    if result_type == "RaggedTensor":
        from tfcompat.ops.ragged.ragged_string_ops import ragged_string_split
        return ragged_string_split(source, sep, skip_empty, delimiter, name)
    if result_type != "SparseTensor":
        raise ValueError("result_type must be 'RaggedTensor' or 'SparseTensor'.")
    delimiter = sep if delimiter is None else delimiter
    delimiter = " " if delimiter is None else delimiter
    indices, values, shape = ops.apply_op(
        "StringSplit", [source, ops.convert_to_tensor(delimiter, dtype=dtypes.string,
                                                      name="delimiter")],
        name=name or "StringSplit", attrs={"skip_empty": skip_empty})
    return SparseTensor(indices, values, shape)


def strings_split(input=None, sep=None, maxsplit=-1, result_type="SparseTensor",  # noqa: A002
                  source=None, name=None):
    """Splits each string at ``sep`` (runs of whitespace when None) into a SparseTensor
    (``tf.strings.split``)."""
    if result_type != "SparseTensor":
        raise NotImplementedError("tfcompat has no RaggedTensor: strings.split returns a "
                                  "SparseTensor")
    input = source if input is None else input  # noqa: A001
    indices, values, shape = ops.apply_op(
        "StringSplitV2", [input, ops.convert_to_tensor(sep or "", dtype=dtypes.string,
                                                       name="sep")],
        name=name or "StringSplitV2", attrs={"maxsplit": int(maxsplit)})
    return SparseTensor(indices, values, shape)


# ---- format -----------------------------------------------------------------------------------

def string_format(template, inputs, placeholder="{}", summarize=3, name=None):
    """Formats tensors into ``template`` at each ``placeholder`` (``tf.strings.format``)."""
    if not isinstance(inputs, (list, tuple)):
        inputs = [inputs]
    if template.count(placeholder) != len(inputs):
        raise ValueError(f"The template expects {template.count(placeholder)} tensors, but the "
                         f"inputs only has {len(inputs)}. Template: '{template}', "
                         f"Inputs: {inputs}")
    return ops.apply_op("StringFormat", [list(inputs)], name=name or "StringFormat", attrs={
        "template": template, "placeholder": placeholder, "summarize": summarize})


# ---- unicode_transcode ------------------------------------------------------------------------

_CODECS = {"UTF-8": "utf-8", "UTF-16-BE": "utf-16-be", "UTF-32-BE": "utf-32-be",
           "US-ASCII": "ascii", "ISO-8859-1": "latin-1"}


def _bind_transcode(op, state):
    a = op._attrs
    source = _CODECS[a["input_encoding"]]
    target = _CODECS[a["output_encoding"]]
    replacement = chr(a["replacement_char"])
    strict = a["errors"] == "strict"

    def convert(s: bytes) -> bytes:
        try:
            text = s.decode(source)
        except UnicodeDecodeError:
            if strict:
                raise errors.InvalidArgumentError(
                    None, None, "Invalid formatting on input string") from None
            text = s.decode(source, "replace").replace("\ufffd", replacement)
        return text.encode(target, "replace")

    return lambda value: np.vectorize(convert, otypes=[object])(as_bytes_array(value)) \
        if np.asarray(value).size else as_bytes_array(value)


register_op("UnicodeTranscode", inputs=("input: string",),
            shape_fn=lambda op: [(dtypes.string, op.inputs[0].shape)], bind=_bind_transcode,
            attr_defaults={"errors": "replace", "replacement_char": 65533,
                           "replace_control_characters": False},
                           foldable=False, grad=NOT_DIFFERENTIABLE)


def unicode_transcode(input, input_encoding, output_encoding, errors="replace",  # noqa: A002
                      replacement_char=65533, replace_control_characters=False, name=None):
    """Re-encodes strings (UTF-8, UTF-16-BE, UTF-32-BE, ASCII, Latin-1)."""
    for encoding in (input_encoding, output_encoding):
        if encoding not in _CODECS:
            raise ValueError(f"tfcompat supports the encodings {sorted(_CODECS)}, not "
                             f"{encoding!r}")
    return ops.apply_op("UnicodeTranscode", [input], name=name or "UnicodeTranscode", attrs={
        "input_encoding": input_encoding, "output_encoding": output_encoding,
        "errors": errors, "replacement_char": replacement_char,
        "replace_control_characters": replace_control_characters})


# ---- unsorted_segment_join --------------------------------------------------------------------

def _segment_join_shape(op):
    data, ids, num = op.inputs
    value = constant_value(num)
    rows = int(value) if value is not None else None
    if data.shape.ndims is None or ids.shape.ndims is None:
        return [(dtypes.string, TensorShape(None))]
    return [(dtypes.string, TensorShape([rows]).concatenate(data.shape[ids.shape.ndims:]))]


def _bind_segment_join(op, state):
    separator = op._attrs["separator"]
    separator = separator.encode() if isinstance(separator, str) else separator

    def kernel(data, segment_ids, num_segments):
        data = as_bytes_array(data)
        ids = np.asarray(segment_ids)
        rows = int(num_segments)
        inner = data.shape[ids.ndim:]
        flat = data.reshape((-1,) + inner)
        pieces: list[list] = [[] for _ in range(rows)]
        for k, seg in enumerate(ids.reshape(-1)):
            if not 0 <= seg < rows:
                raise errors.InvalidArgumentError(
                    None, None, f"segment_ids[{k}] = {seg} is out of range [0, {rows})")
            pieces[seg].append(np.asarray(flat[k], dtype=object))
        out = np.empty((rows,) + inner, dtype=object)
        for r in range(rows):
            for index in np.ndindex(inner):
                out[(r,) + index] = separator.join(p[index] for p in pieces[r])
        return out
    return kernel


register_op("UnsortedSegmentJoin", inputs=("inputs: string", "segment_ids: Tindices",
                                           "num_segments: Tnumsegments"),
            shape_fn=_segment_join_shape, bind=_bind_segment_join,
            attr_defaults={"separator": ""}, value_inputs=(2,),
            allowed={"Tindices": (dtypes.int32, dtypes.int64),
                     "Tnumsegments": (dtypes.int32, dtypes.int64)},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def unsorted_segment_join(inputs, segment_ids, num_segments, separator="", name=None):
    """Joins the strings of each segment (``tf.strings.unsorted_segment_join``)."""
    return ops.apply_op("UnsortedSegmentJoin", [inputs, segment_ids, num_segments],
                        name=name or "UnsortedSegmentJoin", attrs={"separator": separator})


# ---- decode_json_example ----------------------------------------------------------------------

def _json_feature(value):
    if "int64List" in value or "int64_list" in value:
        items = (value.get("int64List") or value.get("int64_list") or {}).get("value", [])
        return Feature(int64_list=Int64List(value=[int(v) for v in items]))
    if "floatList" in value or "float_list" in value:
        items = (value.get("floatList") or value.get("float_list") or {}).get("value", [])
        return Feature(float_list=FloatList(value=[float(v) for v in items]))
    if "bytesList" in value or "bytes_list" in value:
        items = (value.get("bytesList") or value.get("bytes_list") or {}).get("value", [])
        return Feature(bytes_list=BytesList(value=[base64.b64decode(v) for v in items]))
    return Feature()


def _json_example(text: bytes) -> bytes:
    try:
        parsed = json.loads(text)
        features = parsed.get("features", {}).get("feature", {})
        example = Example(features=Features(feature={
            key: _json_feature(value) for key, value in features.items()}))
    except (ValueError, AttributeError, TypeError) as e:
        raise errors.InvalidArgumentError(None, None, f"{e}") from None
    return example.SerializeToString()


register_op("DecodeJSONExample", inputs=("json_examples: string",),
            shape_fn=lambda op: [(dtypes.string, op.inputs[0].shape)],
            bind=lambda op, state: lambda value: _map_strings(value, _json_example),
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_json_example(json_examples, name=None):
    """Converts JSON-encoded ``Example`` records (protobuf JSON mapping) to binary protos."""
    return ops.apply_op("DecodeJSONExample", [json_examples],
                        name=name or "DecodeJSONExample")


# ---- unicode_encode ---------------------------------------------------------------------------

def _bind_unicode_encode(op, state):
    codec = _CODECS[op._attrs["output_encoding"]]
    mode = op._attrs["errors"]
    replacement = op._attrs["replacement_char"]

    def char(code: int) -> str:
        if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code)
        if mode == "strict":
            raise errors.InvalidArgumentError(None, None, f"Invalid code point: {code}")
        return "" if mode == "ignore" else chr(replacement)

    def kernel(values, splits):
        values = np.asarray(values).reshape(-1)
        splits = np.asarray(splits).reshape(-1)
        out = np.empty(max(len(splits) - 1, 0), dtype=object)
        for i in range(len(out)):
            text = "".join(char(int(c)) for c in values[splits[i]:splits[i + 1]])
            out[i] = text.encode(codec)
        return out
    return kernel


register_op("UnicodeEncode", inputs=("input_values: int32", "input_splits: Tsplits"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([None]))],
            bind=_bind_unicode_encode,
            attr_defaults={"errors": "replace", "replacement_char": 65533},
            allowed={"Tsplits": (dtypes.int32, dtypes.int64)}, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def unicode_encode(input, output_encoding, errors="replace",  # noqa: A002
                   replacement_char=65533, name=None):
    """Encodes code points along the last dimension of a dense int32 tensor as strings."""
    if output_encoding not in _CODECS:
        raise ValueError(f"tfcompat supports the encodings {sorted(_CODECS)}, not "
                         f"{output_encoding!r}")
    attrs = {"output_encoding": output_encoding, "errors": errors,
             "replacement_char": replacement_char}
    with ops.name_scope(name, "UnicodeEncode", [input]):
        codes = ops.convert_to_tensor(input, dtype=dtypes.int32, name="input")
        rank = codes.shape.ndims
        if rank is None or rank == 0:
            raise ValueError("tfcompat's unicode_encode needs a dense input of known rank >= 1 "
                             "(it has no RaggedTensor)")
        if rank == 1:
            splits = array_ops.stack([ops.convert_to_tensor(0, dtype=dtypes.int64),
                                      array_ops.size(codes, out_type=dtypes.int64)])
            encoded = ops.apply_op("UnicodeEncode", [codes, splits], name="UnicodeEncode",
                                   attrs=attrs)
            return array_ops.reshape(encoded, [])
        # Rows of the last dimension, as TF's ragged view of a dense tensor.
        with ops.name_scope("UnicodeEncode"):
            shape = array_ops.shape(codes, out_type=dtypes.int64)
            flat = array_ops.reshape(codes, [-1])
            total = array_ops.size(flat, out_type=dtypes.int64)
            splits = math_ops.range(ops.convert_to_tensor(0, dtype=dtypes.int64), total + 1,
                                    math_ops.maximum(shape[-1], 1))
            encoded = ops.apply_op("UnicodeEncode", [flat, splits], name="UnicodeEncode",
                                   attrs=attrs)
        if rank == 2:
            encoded.set_shape(codes.shape[:1])
            return encoded
        return array_ops.reshape(encoded, shape[:-1])
