"""String ops (``tf.strings`` and the top-level string names).

String tensors hold ``bytes`` in object arrays. Case conversion and stripping are ASCII-only,
as TF's kernels (no encoding given); regular expressions use Python's ``re`` on bytes, which
agrees with TF's RE2 for the common syntax.
"""

from __future__ import annotations

import re

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import string_hash


def as_bytes_array(value) -> np.ndarray:
    """A string tensor's value with every element as bytes (feeds may hold str)."""
    items = np.array(value, dtype=object)
    for index in np.ndindex(items.shape):
        if isinstance(items[index], str):
            items[index] = items[index].encode()
    return items


def _map_strings(value, fn, dtype=object) -> np.ndarray:
    items = as_bytes_array(value)
    out = np.empty(items.shape, dtype=dtype)
    for index in np.ndindex(items.shape):
        out[index] = fn(items[index])
    return out


def _same_shape(op):
    return [(dtypes.string, op.inputs[0].shape)]


def _register_elementwise(op_type, fn, out_dtype=dtypes.string, attrs=(), defaults=None):
    def kernel(value, **kwargs):
        return _map_strings(value, lambda s: fn(s, **kwargs),
                            object if out_dtype is dtypes.string else out_dtype.as_numpy_dtype)
    register_op(op_type, inputs=("input: string",),
                shape_fn=lambda op: [(out_dtype, op.inputs[0].shape)], kernel=kernel,
                kernel_attrs=attrs, attr_defaults=defaults,
                foldable=False, grad=NOT_DIFFERENTIABLE)


def _attr_bytes(value) -> bytes:
    return value.encode() if isinstance(value, str) else value


# ---- join, case, strip, length ----------------------------------------------------------------

def _string_join_shape(op):
    shape = TensorShape([])
    for t in op.inputs:
        if t.shape.ndims != 0:
            shape = shape.merge_with(t.shape) if shape.ndims != 0 else t.shape
    return [(dtypes.string, shape)]


def _string_join(*inputs, separator: bytes) -> np.ndarray:
    arrays = np.broadcast_arrays(*(as_bytes_array(v) for v in inputs))
    joined = np.empty(arrays[0].shape, dtype=object)
    for index in np.ndindex(joined.shape):
        joined[index] = separator.join(a[index] for a in arrays)
    return joined


register_op("StringJoin", inputs=("inputs: N*string",), shape_fn=_string_join_shape,
            kernel=_string_join, kernel_attrs=("separator",), attr_defaults={"separator": b""},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def string_join(inputs, separator="", name=None) -> Tensor:
    """The elementwise concatenation of string tensors (scalars broadcast)."""
    return apply_op("StringJoin", [list(inputs)], name=name,
                    attrs={"separator": _attr_bytes(separator)})


_register_elementwise("StringUpper", lambda s, encoding: s.upper(), attrs=("encoding",),
                      defaults={"encoding": ""})
_register_elementwise("StringLower", lambda s, encoding: s.lower(), attrs=("encoding",),
                      defaults={"encoding": ""})
_register_elementwise("StringStrip", lambda s: s.strip())


def _utf8_length(s: bytes) -> int:
    return sum(1 for b in s if (b & 0xC0) != 0x80)


_register_elementwise("StringLength",
                      lambda s, unit: len(s) if unit == "BYTE" else _utf8_length(s),
                      out_dtype=dtypes.int32, attrs=("unit",), defaults={"unit": "BYTE"})


def upper(input, encoding="", name=None):  # noqa: A002 - TF's argument name
    """ASCII upper case of each string."""
    return apply_op("StringUpper", [input], name=name or "StringUpper",
                    attrs={"encoding": encoding})


def lower(input, encoding="", name=None):  # noqa: A002
    return apply_op("StringLower", [input], name=name or "StringLower",
                    attrs={"encoding": encoding})


def strip(input, name=None):  # noqa: A002
    """Strips leading and trailing whitespace."""
    return apply_op("StringStrip", [input], name=name or "StringStrip")


def length(input, name=None, unit="BYTE"):  # noqa: A002
    """The length of each string, in bytes or UTF-8 characters."""
    if unit not in ("BYTE", "UTF8_CHAR"):
        raise ValueError(f"Value for attr 'unit' of \"{unit}\" is not in the list of allowed "
                         "values: \"BYTE\", \"UTF8_CHAR\"")
    return apply_op("StringLength", [input], name=name or "StringLength",
                    attrs={"unit": unit})


# ---- substr -----------------------------------------------------------------------------------

def _substr_shape(op):
    value, pos, size = op.inputs
    if pos.shape.ndims is not None and size.shape.ndims is not None and \
            pos.shape.ndims != size.shape.ndims:
        raise ShapeError(f"Shape must be rank {pos.shape.ndims} but is rank "
                         f"{size.shape.ndims}")
    if pos.shape.ndims == 0:
        return [(dtypes.string, value.shape)]
    return [(dtypes.string, value.shape.merge_with(pos.shape))]


def _bind_substr(op, state):
    unit = op._attrs["unit"]

    def kernel(value, pos, size):
        items = as_bytes_array(value)
        pos = np.broadcast_to(np.asarray(pos), items.shape)
        size = np.broadcast_to(np.asarray(size), items.shape)
        out = np.empty(items.shape, dtype=object)
        for flat, index in enumerate(np.ndindex(items.shape)):
            s = items[index]
            units = list(s.decode("utf-8", "surrogateescape")) if unit == "UTF8_CHAR" else s
            p, n = int(pos[index]), int(size[index])
            start = p + len(units) if p < 0 else p
            if not 0 <= start <= len(units) or (p < 0 and start < 0):
                raise errors.InvalidArgumentError(
                    None, None, f"pos {p} out of range for string b'{s.decode('latin-1')}' at "
                    f"index {flat}")
            piece = units[start:start + max(n, 0)]
            out[index] = ("".join(piece).encode("utf-8", "surrogateescape")
                          if unit == "UTF8_CHAR" else piece)
        return out
    return kernel


register_op("Substr", inputs=("input: string", "pos: T", "len: T"), shape_fn=_substr_shape,
            bind=_bind_substr, attr_defaults={"unit": "BYTE"},
            allowed={"T": (dtypes.int32, dtypes.int64)},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def substr(input, pos, len, name=None, unit="BYTE"):  # noqa: A002
    """The substrings ``input[pos:pos+len]`` (negative ``pos`` counts from the end)."""
    return apply_op("Substr", [input, pos, len], name=name or "Substr", attrs={"unit": unit})


# ---- regular expressions ----------------------------------------------------------------------

def _regex_full_match(value, pattern: bytes) -> np.ndarray:
    regex = re.compile(_attr_bytes(pattern))
    return _map_strings(value, lambda s: regex.fullmatch(s) is not None, np.bool_)


register_op("StaticRegexFullMatch", inputs=("input: string",),
            shape_fn=lambda op: [(dtypes.bool_, op.inputs[0].shape)],
            kernel=_regex_full_match, kernel_attrs=("pattern",),
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("RegexFullMatch", inputs=("input: string", "pattern: string"),
            shape_fn=lambda op: [(dtypes.bool_, op.inputs[0].shape)],
            kernel=lambda value, pattern: _regex_full_match(value, np.asarray(
                pattern, dtype=object)[()]),
                foldable=False, grad=NOT_DIFFERENTIABLE)


def static_regex_full_match(input, pattern, name=None) -> Tensor:  # noqa: A002
    """Whether each string matches the regular expression ``pattern`` entirely."""
    return apply_op("StaticRegexFullMatch", [input], name=name,
                    attrs={"pattern": _attr_bytes(pattern)})


def regex_full_match(input, pattern, name=None):  # noqa: A002
    """Whether each string matches ``pattern`` entirely (``tf.strings.regex_full_match``)."""
    if isinstance(pattern, (str, bytes)):
        return apply_op("StaticRegexFullMatch", [input], name=name or "StaticRegexFullMatch",
                        attrs={"pattern": _attr_bytes(pattern)})
    return apply_op("RegexFullMatch", [input, pattern], name=name or "RegexFullMatch")


def _replace(value, pattern: bytes, rewrite: bytes, replace_global: bool) -> np.ndarray:
    regex = re.compile(_attr_bytes(pattern))
    rewrite = _attr_bytes(rewrite)
    return _map_strings(value, lambda s: regex.sub(rewrite, s, count=0 if replace_global
                                                    else 1))


register_op("StaticRegexReplace", inputs=("input: string",), shape_fn=_same_shape,
            kernel=_replace, kernel_attrs=("pattern", "rewrite", "replace_global"),
            attr_defaults={"replace_global": True},
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("RegexReplace", inputs=("input: string", "pattern: string", "rewrite: string"),
            shape_fn=_same_shape,
            foldable=False, grad=NOT_DIFFERENTIABLE,
            kernel=lambda value, pattern, rewrite, replace_global: _replace(
                value, np.asarray(pattern, dtype=object)[()],
                np.asarray(rewrite, dtype=object)[()], replace_global),
            kernel_attrs=("replace_global",), attr_defaults={"replace_global": True})


def regex_replace(input, pattern, rewrite, replace_global=True, name=None):  # noqa: A002
    """Replaces matches of ``pattern`` by ``rewrite`` (``\\1`` names groups)."""
    if isinstance(pattern, (str, bytes)) and isinstance(rewrite, (str, bytes)):
        return apply_op("StaticRegexReplace", [input], name=name or "StaticRegexReplace",
                        attrs={"pattern": _attr_bytes(pattern),
                               "rewrite": _attr_bytes(rewrite),
                               "replace_global": replace_global})
    return apply_op("RegexReplace", [input, pattern, rewrite], name=name or "RegexReplace",
                    attrs={"replace_global": replace_global})


# ---- numbers and hashing ----------------------------------------------------------------------

def _bind_to_number(op, state):
    out_type = op._attrs["out_type"]

    def parse(s: bytes):
        text = s.decode("utf-8", "replace")
        try:
            value = int(text) if out_type.is_integer else float(text)
            if out_type.is_integer:
                info = np.iinfo(out_type.as_numpy_dtype)
                if not info.min <= value <= info.max:
                    raise ValueError(text)
            return value
        except ValueError:
            raise errors.InvalidArgumentError(
                None, None, f"StringToNumberOp could not correctly convert string: "
                f"{text}") from None
    return lambda value: _map_strings(value, parse, out_type.as_numpy_dtype)


register_op("StringToNumber", inputs=("string_tensor: string",),
            shape_fn=lambda op: [(op._attrs["out_type"], op.inputs[0].shape)],
            bind=_bind_to_number,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def string_to_number(string_tensor, out_type=dtypes.float32, name=None):
    """Parses each string as a number of ``out_type`` (float32, float64, int32 or int64)."""
    return apply_op("StringToNumber", [string_tensor], name=name or "StringToNumber",
                    attrs={"out_type": dtypes.as_dtype(out_type)})


def _hash_op(op_type, hasher, extra_attrs=()):
    def bind(op, state):
        buckets = op._attrs["num_buckets"]
        key = op._attrs.get("key")
        if key is not None:
            return lambda value: _map_strings(
                value, lambda s: hasher(key[0], key[1], s) % buckets, np.int64)
        return lambda value: _map_strings(value, lambda s: hasher(s) % buckets, np.int64)
    register_op(op_type, inputs=("input: string",), bind=bind,
foldable=False, grad=NOT_DIFFERENTIABLE,
                shape_fn=lambda op: [(dtypes.int64, op.inputs[0].shape)])


_hash_op("StringToHashBucket", string_hash.murmur64)
_hash_op("StringToHashBucketFast", string_hash.fingerprint64)
_hash_op("StringToHashBucketStrong", string_hash.siphash24)


def _check_buckets(num_buckets):
    if num_buckets < 1:
        raise ValueError(f"Value for attr 'num_buckets' of {num_buckets} must be at least "
                         "minimum 1")


def string_to_hash_bucket(string_tensor, num_buckets, name=None):
    """Hashes each string to ``[0, num_buckets)`` with TF's legacy Hash64."""
    _check_buckets(num_buckets)
    return apply_op("StringToHashBucket", [string_tensor], name=name or "StringToHashBucket",
                    attrs={"num_buckets": int(num_buckets)})


def string_to_hash_bucket_fast(input, num_buckets, name=None):  # noqa: A002
    """Hashes each string to ``[0, num_buckets)`` with FarmHash Fingerprint64."""
    _check_buckets(num_buckets)
    return apply_op("StringToHashBucketFast", [input], name=name or "StringToHashBucketFast",
                    attrs={"num_buckets": int(num_buckets)})


def string_to_hash_bucket_strong(input, num_buckets, key, name=None):  # noqa: A002
    """Hashes each string to ``[0, num_buckets)`` with keyed SipHash-2-4."""
    _check_buckets(num_buckets)
    if len(key) != 2:
        raise ValueError(f"Attr 'key' of 'StringToHashBucketStrong' Op passed list of length "
                         f"{len(key)} less than minimum 2.")
    return apply_op("StringToHashBucketStrong", [input],
                    name=name or "StringToHashBucketStrong",
                    attrs={"num_buckets": int(num_buckets), "key": [int(k) for k in key]})


def string_to_hash_bucket_v1(string_tensor=None, num_buckets=None, name=None, input=None):  # noqa: A002
    return string_to_hash_bucket(input if string_tensor is None else string_tensor,
                                 num_buckets, name)


# ---- as_string --------------------------------------------------------------------------------

def _bind_as_string(op, state):
    a = op._attrs
    precision, scientific, shortest = a["precision"], a["scientific"], a["shortest"]
    width, fill = a["width"], a["fill"]
    dtype = op.inputs[0].dtype.base_dtype
    flags = ("0" if fill == "0" else "") + (str(width) if width > 0 else "")
    if dtype.is_floating:
        kind = "e" if scientific else ("g" if shortest else "f")
        spec = f"%{flags}{'.' + str(precision) if precision >= 0 else ''}{kind}"
    elif dtype is dtypes.bool_:
        spec = None
    else:
        spec = f"%{flags}d"

    def fmt(v):
        if spec is None:
            text = "true" if v else "false"
        elif dtype.is_floating and not np.isfinite(v):
            text = "nan" if np.isnan(v) else ("inf" if v > 0 else "-inf")
        else:
            text = spec % (float(v) if dtype.is_floating else int(v))
        return text.encode()

    def kernel(value):
        value = np.asarray(value)
        out = np.empty(value.shape, dtype=object)
        for index in np.ndindex(value.shape):
            out[index] = fmt(value[index])
        return out
    return kernel


register_op("AsString", inputs=("input: T",), shape_fn=lambda op: [(dtypes.string,
                                                                    op.inputs[0].shape)],
            bind=_bind_as_string,
            foldable=False, grad=NOT_DIFFERENTIABLE,
            attr_defaults={"precision": -1, "scientific": False, "shortest": False,
                           "width": -1, "fill": ""})


def as_string(input, precision=-1, scientific=False, shortest=False, width=-1,  # noqa: A002
              fill="", name=None):
    """Formats each number (or bool) as a string."""
    return apply_op("AsString", [input], name=name or "AsString", attrs={
        "precision": precision, "scientific": scientific, "shortest": shortest,
        "width": width, "fill": fill})


# ---- reduce_join ------------------------------------------------------------------------------

def _reduce_join_shape(op):
    value = op.inputs[0].shape
    axes = constant_value(op.inputs[1])
    if value.ndims is None or axes is None:
        return [(dtypes.string, unknown_shape())]
    axes = {int(a) % max(value.ndims, 1) for a in np.asarray(axes).reshape(-1)} \
        if np.asarray(axes).size else set(range(value.ndims))
    keep = op._attrs["keep_dims"]
    dims = [1 if i in axes else d for i, d in enumerate(value.as_list()) if keep or i not in axes]
    return [(dtypes.string, TensorShape(dims))]


def _bind_reduce_join(op, state):
    keep = op._attrs["keep_dims"]
    separator = _attr_bytes(op._attrs["separator"])

    def kernel(value, axes):
        items = as_bytes_array(value)
        axes = np.asarray(axes).reshape(-1)
        axes = sorted({int(a) % max(items.ndim, 1) for a in axes}) if axes.size else \
            list(range(items.ndim))
        kept = [d for d in range(items.ndim) if d not in axes]
        moved = np.transpose(items, kept + axes)
        flat = moved.reshape([items.shape[d] for d in kept] + [-1])
        out = np.empty(flat.shape[:-1], dtype=object)
        for index in np.ndindex(out.shape):
            out[index] = separator.join(flat[index])
        if keep:
            out = out.reshape([1 if d in axes else items.shape[d] for d in range(items.ndim)])
        return out
    return kernel


register_op("ReduceJoin", inputs=("inputs: string", "reduction_indices: int32"),
            shape_fn=_reduce_join_shape, bind=_bind_reduce_join, value_inputs=(1,),
            attr_defaults={"keep_dims": False, "separator": ""},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def reduce_join(inputs, axis=None, keep_dims=None, separator="", name=None,
                reduction_indices=None, keepdims=None):
    """Joins strings across ``axis`` (all axes by default) with ``separator``."""
    axis = reduction_indices if axis is None else axis
    keep = bool(keepdims if keepdims is not None else keep_dims)
    with ops.name_scope(name, "ReduceJoin", [inputs, axis]):
        inputs = ops.convert_to_tensor(inputs, dtype=dtypes.string, name="inputs")
        if axis is None:
            rank = inputs.shape.ndims
            if rank is None:
                raise ValueError("tfcompat needs a known rank to reduce_join over all axes")
            axis = list(range(rank - 1, -1, -1))
        return apply_op("ReduceJoin", [inputs, ops.convert_to_tensor(
            axis, dtype=dtypes.int32, name="reduction_indices")], name="ReduceJoin",
            attrs={"keep_dims": keep, "separator": _attr_bytes(separator)})
