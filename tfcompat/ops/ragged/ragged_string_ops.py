"""String ops producing RaggedTensors: StringNGrams and ``tf.strings.ngrams``,
``tf.strings.bytes_split`` and ``tf.strings.split(..., result_type="RaggedTensor")``."""

from __future__ import annotations

import functools
import inspect

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
from tfcompat.ops.ragged.unicode_ops import restore_outer_dims
from tfcompat.ops.string_ops import as_bytes_array
from tfcompat.ops.string_split_ops import string_split, unsorted_segment_join
from tfcompat.ops.string_split_ops import strings_split as _sparse_strings_split

# ---- StringNGrams --------------------------------------------------------------------------------


def _row_ngrams(tokens: list[bytes], widths, separator: bytes, left_pad: bytes,
                right_pad: bytes, pad_width: int, preserve_short: bool) -> list[bytes]:
    result = []
    for width in widths:
        pad = width - 1 if pad_width < 0 else min(pad_width, width - 1)
        padded = [left_pad] * pad + tokens + [right_pad] * pad
        result.extend(separator.join(padded[i:i + width])
                      for i in range(len(padded) - width + 1))
    if not result and preserve_short and tokens:
        pad = max(pad_width, 0)
        result.append(separator.join([left_pad] * pad + tokens + [right_pad] * pad))
    return result


def _ngrams_kernel(data, data_splits, separator, ngram_widths, left_pad, right_pad, pad_width,
                   preserve_short_sequences):
    tokens = list(as_bytes_array(data).reshape(-1))
    out: list[bytes] = []
    splits = [0]
    for start, limit in zip(data_splits[:-1], data_splits[1:]):
        out.extend(_row_ngrams(tokens[start:limit], ngram_widths, separator.encode(),
                               left_pad.encode(), right_pad.encode(), pad_width,
                               preserve_short_sequences))
        splits.append(len(out))
    values = np.empty(len(out), dtype=object)
    values[:] = out
    return values, np.asarray(splits, dtype=data_splits.dtype)


def _ngrams_shape(op):
    splits = op.inputs[1]
    return [(dtypes.string, TensorShape([None])), (splits.dtype, splits.shape)]


register_op("StringNGrams", inputs=("data: string", "data_splits: Tsplits"),
            kernel=_ngrams_kernel,
            kernel_attrs=("separator", "ngram_widths", "left_pad", "right_pad", "pad_width",
                          "preserve_short_sequences"),
            shape_fn=_ngrams_shape, allowed={"Tsplits": INDEX_TYPES},
            attr_defaults={"Tsplits": dtypes.int64}, grad=NOT_DIFFERENTIABLE)


def ngrams(data, ngram_width, separator=" ", pad_values=None, padding_width=None,
           preserve_short_sequences=False, name=None):
    """The ``ngram_width``-grams of the innermost dimension of ``data``, each joined with
    ``separator`` (padded with ``pad_values`` when given)."""
    widths = list(ngram_width) if isinstance(ngram_width, (list, tuple)) else [ngram_width]
    if pad_values is None:
        left_pad = right_pad = ""
        if padding_width is not None:
            raise ValueError("pad_values must be provided if padding_width is set.")
        pad_width = 0
    else:
        if isinstance(pad_values, (list, tuple)):
            if len(pad_values) < 2:
                raise ValueError("pad_values must be a string, tuple or list of length 2.")
            left_pad, right_pad = pad_values[0], pad_values[1]
        elif isinstance(pad_values, str):
            left_pad = right_pad = pad_values
        else:
            raise ValueError("pad_values must be a string, tuple or list.")
        pad_width = -1 if padding_width is None else int(padding_width)
        if padding_width is not None and padding_width < 1:
            raise ValueError("padding_width must be greater than 0.")
    attrs = {"separator": separator, "ngram_widths": [int(w) for w in widths],
             "left_pad": left_pad, "right_pad": right_pad, "pad_width": pad_width,
             "preserve_short_sequences": bool(preserve_short_sequences)}
    with ops.name_scope(name, "StringNGrams", [data]):
        if isinstance(data, RaggedTensor):
            inner = data.values
            if isinstance(inner, RaggedTensor):
                return data.with_values(ngrams(inner, ngram_width, separator, pad_values,
                                               padding_width, preserve_short_sequences))
            values, splits = apply_op("StringNGrams", [inner, data.row_splits],
                                      name="StringNGrams", attrs=attrs)
            return RaggedTensor(values, splits, internal=True)
        data = ops.convert_to_tensor(data, dtype=dtypes.string, name="data")
        rank = data.shape.ndims
        if rank is None or rank == 0:
            raise ValueError("Data must have rank>0")
        if rank == 1:
            splits = array_ops.stack([ops.convert_to_tensor(0, dtype=dtypes.int64),
                                      array_ops.size(data, out_type=dtypes.int64)])
            values, splits = apply_op("StringNGrams", [data, splits], name="StringNGrams",
                                      attrs=attrs)
            return RaggedTensor(values, splits, internal=True)[0]  # TF's one-row view
        # Dense rows: ngrams per row of the last dimension, reshaped back (every row gives
        # the same number).
        with ops.name_scope(None, "RaggedFromTensor"):
            shape = array_ops.shape(data, out_type=dtypes.int64)
            flat = array_ops.reshape(data, [-1])
            splits = math_ops.range(0, array_ops.size(flat, out_type=dtypes.int64) + 1,
                                    math_ops.maximum(shape[-1], 1))
        values, _ = apply_op("StringNGrams", [flat, splits], name="StringNGrams", attrs=attrs)
        result = array_ops.reshape(values, array_ops.concat(
            [shape[:-1], ops.convert_to_tensor([-1], dtype=dtypes.int64)], axis=0))
        result.set_shape(data.shape[:-1].concatenate([None]))
        return result


# ---- bytes_split and ragged split ----------------------------------------------------------------

def _split_rows(input, scope: str, split_flat):  # noqa: A002
    """Applies ``split_flat`` (a rank-1 string tensor -> SparseTensor of pieces) to every
    string of ``input``: a RaggedTensor with one more dimension than ``input`` (for a scalar,
    the row of pieces). Like TF, a rank > 1 input is split as its flat values in two more
    ``scope`` scopes, and its outer dimensions come back as uniform ragged dimensions."""
    input = ops.convert_to_tensor(input, dtype=dtypes.string, name="input")  # noqa: A001
    rank = input.shape.ndims
    if rank is None:
        raise ValueError("input must have a statically-known rank.")
    if rank == 1:
        return _rows_of(split_flat(input), input)
    if rank == 0:
        return _rows_of(split_flat(array_ops.reshape(input, [1])), None)[0]
    flat = array_ops.reshape(input, [-1])
    with ops.name_scope(None, scope), ops.name_scope(None, scope):
        rows = _rows_of(split_flat(flat), flat)
    return restore_outer_dims(rows, input, rank)


def _rows_of(sparse, flat):
    """The rows of a SparseTensor of pieces (row = index in ``flat``) as a RaggedTensor."""
    nrows = (sparse.dense_shape[0] if flat is None
             else array_ops.shape(flat, out_type=dtypes.int64)[0])
    return RaggedTensor.from_value_rowids(sparse.values, sparse.indices[:, 0], nrows=nrows,
                                          validate=False)


def bytes_split(input, name=None):  # noqa: A002
    """Each string cut into its bytes (a RaggedTensor with one more dimension)."""
    with ops.name_scope(name, "StringsByteSplit", [input]):
        return _split_rows(input, "StringsByteSplit",
                           lambda flat: string_split(flat, delimiter="", skip_empty=False))


def ragged_string_split(source, sep=None, skip_empty=True, delimiter=None, name=None):
    """``tf.string_split(..., result_type="RaggedTensor")``: each string of the vector
    ``source`` split at any character of ``sep`` (default a space)."""
    with ops.name_scope(name, "StringSplit", [source]):
        delimiter = sep if delimiter is None else delimiter
        delimiter = ops.convert_to_tensor(" " if delimiter is None else delimiter,
                                          dtype=dtypes.string)
        source = ops.convert_to_tensor(source, dtype=dtypes.string)
        indices, values, shape = apply_op("StringSplit", [source, delimiter],
                                          name="StringSplit", attrs={"skip_empty": skip_empty})
        return _rows_of(SparseTensor(indices, values, shape), source)


def strings_split(input=None, sep=None, maxsplit=-1, result_type="SparseTensor",  # noqa: A002
                  source=None, name=None):
    """Splits each string at ``sep`` (runs of whitespace when None) into a SparseTensor, or a
    RaggedTensor for ``result_type="RaggedTensor"`` (``tf.strings.split``)."""
    if result_type == "SparseTensor":
        return _sparse_strings_split(input, sep, maxsplit, result_type, source, name)
    if result_type != "RaggedTensor":
        raise ValueError("result_type must be 'RaggedTensor' or 'SparseTensor'.")
    input = source if input is None else input  # noqa: A001
    with ops.name_scope(name, "StringSplit", [input]):
        input = ops.convert_to_tensor(input, dtype=dtypes.string, name="input")  # noqa: A001
        if input.shape.ndims == 0:
            input = array_ops.expand_dims(input, 0)  # noqa: A001 - TF1 splits a scalar as [s]
        with ops.name_scope(None, "StringSplit", [input]):
            return _split_rows(input, "StringSplit",
                               lambda flat: _sparse_strings_split(flat, sep, maxsplit))


# ---- element-wise string ops on RaggedTensors ----------------------------------------------------

def ragged_elementwise(fn):
    """``fn`` (an element-wise string op taking the strings first) extended to a RaggedTensor
    first argument: applied to its flat values, keeping its row partition."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        first_key = next(iter(inspect.signature(fn).parameters))
        if args and isinstance(args[0], RaggedTensor):
            rt = args[0]
            return rt.with_flat_values(fn(rt.flat_values, *args[1:], **kwargs))
        if isinstance(kwargs.get(first_key), RaggedTensor):
            rt = kwargs.pop(first_key)
            return rt.with_flat_values(fn(rt.flat_values, *args, **kwargs))
        return fn(*args, **kwargs)
    return wrapper


def ragged_reduce_join(fn):
    """``tf.strings.reduce_join`` extended to RaggedTensor inputs (ragged_rank 1)."""
    @functools.wraps(fn)
    def wrapper(inputs, axis=None, keep_dims=None, separator="", name=None,
                reduction_indices=None, keepdims=None):
        if not isinstance(inputs, RaggedTensor):
            return fn(inputs, axis, keep_dims, separator, name, reduction_indices, keepdims)
        axis = reduction_indices if axis is None else axis
        keep = bool(keepdims if keepdims is not None else keep_dims)
        if inputs.ragged_rank != 1 or inputs.flat_values.shape.ndims != 1:
            raise NotImplementedError("tfcompat joins RaggedTensors of rank 2 only")
        if axis is None:
            with ops.name_scope(name, "ReduceJoin", [inputs]):
                return apply_op("ReduceJoin", [inputs.flat_values, ops.convert_to_tensor(
                    [0], name="reduction_indices")], name="RaggedSegmentJoin",
                    attrs={"keep_dims": False, "separator": separator.encode()
                           if isinstance(separator, str) else separator})
        axis = axis + 2 if axis < 0 else axis
        with ops.name_scope(name, "RaggedSegmentJoin", [inputs]):
            values, splits = inputs.values, inputs.row_splits
            if axis == 1:
                ids, num = inputs.value_rowids(), inputs.nrows()
            else:  # column j joins the j-th string of every row long enough
                ids = (math_ops.range(array_ops.shape(values, out_type=splits.dtype)[0],
                                      dtype=splits.dtype)
                       - array_ops.gather(splits, inputs.value_rowids()))
                num = math_ops.maximum(math_ops.reduce_max(inputs.row_lengths()),
                                       math_ops.cast(0, splits.dtype))
            joined = unsorted_segment_join(values, ids, num, separator=separator)
            return array_ops.expand_dims(joined, axis) if keep else joined
    return wrapper


def ragged_unicode_encode(fn):
    """``tf.strings.unicode_encode`` extended to RaggedTensor code points: one string per
    innermost row."""
    @functools.wraps(fn)
    def wrapper(input, output_encoding, errors="replace",  # noqa: A002
                replacement_char=65533, name=None):
        if not isinstance(input, RaggedTensor):
            return fn(input, output_encoding, errors, replacement_char, name)
        with ops.name_scope(name, "UnicodeEncode", [input]):
            if isinstance(input.values, RaggedTensor):
                return input.with_values(wrapper(input.values, output_encoding, errors,
                                                 replacement_char))
            encoded = apply_op("UnicodeEncode", [input.values, input.row_splits],
                               name="UnicodeEncode",
                               attrs={"output_encoding": output_encoding, "errors": errors,
                                      "replacement_char": replacement_char})
            encoded.set_shape(input.shape[:1])  # one string per row
            return encoded
    return wrapper


def ragged_string_join(fn):
    """``tf.strings.join`` extended to RaggedTensor inputs sharing one row partition."""
    @functools.wraps(fn)
    def wrapper(inputs, separator="", name=None):
        ragged = [x for x in inputs if isinstance(x, RaggedTensor)]
        if not ragged:
            return fn(inputs, separator=separator, name=name)
        with ops.name_scope(name, "RaggedStringJoin", inputs):
            flat = [x.flat_values if isinstance(x, RaggedTensor) else x for x in inputs]
            return ragged[0].with_flat_values(fn(flat, separator=separator))
    return wrapper
