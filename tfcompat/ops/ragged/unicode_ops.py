"""Unicode string ops with ragged results: UnicodeDecode(WithOffsets) and UnicodeScript, and
``tf.strings.unicode_decode`` / ``unicode_decode_with_offsets`` / ``unicode_split`` /
``unicode_split_with_offsets`` / ``unicode_script``."""

from __future__ import annotations

import bisect

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
from tfcompat.ops.string_ops import as_bytes_array

# TF's encoding names -> Python codecs (the encodings ICU shares with Python's codecs).
_CODECS = {"UTF-8": "utf-8", "UTF-16-BE": "utf-16-be", "UTF-32-BE": "utf-32-be",
           "US-ASCII": "ascii", "ISO-8859-1": "latin-1"}
_ERROR_MODES = ("strict", "replace", "ignore")


def _check_encoding(encoding: str) -> None:
    if encoding not in _CODECS:
        raise ValueError(f"tfcompat's unicode ops support the encodings {sorted(_CODECS)}, "
                         f"not {encoding!r}")


def decode_string(data: bytes, codec: str, error_mode: str, replacement: int,
                  replace_control: bool) -> tuple[list[int], list[int]]:
    """The code points of ``data`` and the byte offset where each starts. An invalid byte
    sequence (Python's maximal invalid subpart) decodes to ``replacement`` (or nothing when
    ``error_mode`` is "ignore")."""
    codepoints: list[int] = []
    offsets: list[int] = []
    pos = 0
    while pos < len(data):
        try:
            text = data[pos:].decode(codec)
            bad = None
        except UnicodeDecodeError as e:
            text = data[pos:pos + e.start].decode(codec)
            bad = (pos + e.start, pos + max(e.end, e.start + 1))
        for ch in text:
            codepoints.append(ord(ch))
            offsets.append(pos)
            pos += len(ch.encode(codec, "surrogatepass"))
        if bad is None:
            break
        if error_mode == "strict":
            raise errors.InvalidArgumentError(None, None, "Invalid formatting on input string")
        if error_mode == "replace":
            codepoints.append(replacement)
            offsets.append(bad[0])
        pos = bad[1]
    if replace_control:
        codepoints = [replacement if c < 0x20 else c for c in codepoints]
    return codepoints, offsets


def _decode_kernel(with_offsets: bool):
    def kernel(value, input_encoding, errors, replacement_char,  # noqa: A002 - TF's attr
               replace_control_characters, Tsplits):
        codec = _CODECS[input_encoding]
        splits = [0]
        codepoints: list[int] = []
        offsets: list[int] = []
        for item in as_bytes_array(value).reshape(-1):
            cps, offs = decode_string(item, codec, errors, replacement_char,
                                      replace_control_characters)
            codepoints.extend(cps)
            offsets.extend(offs)
            splits.append(len(codepoints))
        outputs = (np.asarray(splits, Tsplits.as_numpy_dtype),
                   np.asarray(codepoints, np.int32))
        return outputs + (np.asarray(offsets, np.int64),) if with_offsets else outputs
    return kernel


def _decode_shape(with_offsets: bool):
    def shape_fn(op):
        n = op.inputs[0].shape.num_elements()
        shapes = [(op._attrs["Tsplits"], TensorShape([None if n is None else n + 1])),
                  (dtypes.int32, TensorShape([None]))]
        return shapes + [(dtypes.int64, TensorShape([None]))] if with_offsets else shapes
    return shape_fn


_DECODE_ATTRS = ("input_encoding", "errors", "replacement_char", "replace_control_characters",
                 "Tsplits")
for _op_type, _with_offsets in (("UnicodeDecode", False), ("UnicodeDecodeWithOffsets", True)):
    register_op(_op_type, inputs=("input: string",), kernel=_decode_kernel(_with_offsets),
                kernel_attrs=_DECODE_ATTRS, shape_fn=_decode_shape(_with_offsets),
                allowed={"Tsplits": INDEX_TYPES},
                attr_defaults={"errors": "replace", "replacement_char": 65533,
                               "replace_control_characters": False, "Tsplits": dtypes.int64},
                grad=NOT_DIFFERENTIABLE)


def restore_outer_dims(rt, input_tensor: Tensor, rank: int):
    """``rt`` (one row per string of a rank-``rank`` input) with the input's outer dimensions
    restored as uniform ragged dimensions (static where the input's shape is known)."""
    with ops.name_scope(None, "RaggedFromTensor"):
        static = input_tensor.shape.as_list()
        known = all(d is not None for d in static)
        dims = None if known else array_ops.shape(input_tensor, out_type=dtypes.int64)
        for axis in range(rank - 1, 0, -1):
            length = static[axis] if known else dims[axis]
            nrows = 1
            for d in range(axis):
                nrows = nrows * (static[d] if known else dims[d])
            rt = RaggedTensor.from_uniform_row_length(rt, length, nrows=nrows, validate=False)
    return rt


def _decode(op_type, input, input_encoding, errors,  # noqa: A002
            replacement_char, replace_control_characters):
    """Decodes in the current name scope."""
    _check_encoding(input_encoding)
    if errors not in _ERROR_MODES:
        raise ValueError(f"errors must be one of {list(_ERROR_MODES)}, not {errors!r}")
    input = ops.convert_to_tensor(input, dtype=dtypes.string, name="input")  # noqa: A001
    rank = input.shape.ndims
    if rank is None:
        raise ValueError("tfcompat's unicode decoding needs an input of known rank")
    flat = array_ops.reshape(input, [-1])
    outputs = apply_op(op_type, [flat], name=op_type, attrs={
        "input_encoding": input_encoding, "errors": errors,
        "replacement_char": int(replacement_char),
        "replace_control_characters": bool(replace_control_characters),
        "Tsplits": dtypes.int64})
    splits, rest = outputs[0], outputs[1:]
    if rank == 0:
        return rest if len(rest) > 1 else rest[0]
    results = [RaggedTensor(values, splits, internal=True) for values in rest]
    if rank > 1:
        results = [restore_outer_dims(r, input, rank) for r in results]
    return tuple(results) if len(results) > 1 else results[0]


def unicode_decode(input, input_encoding, errors="replace",  # noqa: A002
                   replacement_char=0xFFFD, replace_control_characters=False, name=None):
    """The code points of each string (a RaggedTensor with one more dimension than
    ``input``)."""
    with ops.name_scope(name, "UnicodeDecode", [input]):
        return _decode("UnicodeDecode", input, input_encoding, errors, replacement_char,
                       replace_control_characters)


def unicode_decode_with_offsets(input, input_encoding, errors="replace",  # noqa: A002
                                replacement_char=0xFFFD, replace_control_characters=False,
                                name=None):
    """``(codepoints, offsets)``: each string's code points and the byte offset of each."""
    with ops.name_scope(name, "UnicodeDecodeWithOffsets", [input]):
        return _decode("UnicodeDecodeWithOffsets", input, input_encoding, errors,
                       replacement_char, replace_control_characters)


def _encode_each(codepoints, encoding: str):
    """Each code point of a (ragged) int32 tensor as its own encoded string."""
    from tfcompat.ops.string_split_ops import unicode_encode
    with ops.name_scope(None, "UnicodeEncode"):  # TF's ragged unicode_encode scope
        flat = codepoints.flat_values
        chars = unicode_encode(array_ops.expand_dims(flat, -1), encoding)
        # TF's shape inference evaluates a constant input's decoding to size the characters.
        known = tensor_util.constant_value(flat)
        if known is not None:
            chars.set_shape([len(known)])
        return codepoints.with_flat_values(chars)


def unicode_split(input, input_encoding, errors="replace",  # noqa: A002
                  replacement_char=0xFFFD, name=None):
    """Each string cut into its characters (as strings in ``input_encoding``)."""
    with ops.name_scope(name, "UnicodeSplit", [input]):
        codepoints = _decode("UnicodeDecode", input, input_encoding, errors, replacement_char,
                             False)
        return _encode_each(codepoints, input_encoding)


def unicode_split_with_offsets(input, input_encoding, errors="replace",  # noqa: A002
                               replacement_char=0xFFFD, name=None):
    """``(chars, offsets)``: each string's characters and the byte offset of each."""
    with ops.name_scope(name, "UnicodeSplitWithOffsets", [input]):
        codepoints, offsets = _decode("UnicodeDecodeWithOffsets", input, input_encoding,
                                      errors, replacement_char, False)
        return _encode_each(codepoints, input_encoding), offsets


# ---- UnicodeScript -------------------------------------------------------------------------------

def _load_script_runs() -> tuple[list[int], list[int]]:
    from tfcompat.ops.ragged.unicode_script_table import SCRIPT_RUNS
    starts, scripts = [], []
    for token in SCRIPT_RUNS.split():
        start, script = token.split(":")
        starts.append(int(start, 16))
        scripts.append(int(script))
    return starts, scripts


_SCRIPT_RUNS: tuple[list[int], list[int]] | None = None


def script_code(codepoint: int) -> int:
    """ICU's UScriptCode of ``codepoint``; -1 for a value that is not a code point."""
    global _SCRIPT_RUNS
    if not 0 <= codepoint <= 0x10FFFF:
        return -1
    if _SCRIPT_RUNS is None:
        _SCRIPT_RUNS = _load_script_runs()
    starts, scripts = _SCRIPT_RUNS
    return scripts[bisect.bisect_right(starts, codepoint) - 1]


def _script_kernel(codepoints):
    flat = [script_code(int(c)) for c in codepoints.reshape(-1)]
    return np.asarray(flat, np.int32).reshape(codepoints.shape)


register_op("UnicodeScript", inputs=("input: int32",), kernel=_script_kernel,
            shape_fn=lambda op: [(dtypes.int32, op.inputs[0].shape)], grad=NOT_DIFFERENTIABLE)


def unicode_script(input, name=None):  # noqa: A002
    """ICU's script code (UScriptCode) of each code point; -1 for invalid code points."""
    return apply_op("UnicodeScript", [input], name=name or "UnicodeScript")
