"""RaggedTensor components of ``tf.data`` elements.

As in TF, a ragged component travels through a pipeline as a variant tensor: op
``RaggedTensorToVariant`` encodes a RaggedTensor (one scalar variant, or with
``batched_input`` a vector of its rows), and ``RaggedTensorFromVariant`` decodes an array of
encoded values, stacking its leading dimensions into extra ragged dimensions. Run-time values
are ``EncodedRagged`` objects (tfcompat's own encoding, not TF's byte layout).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape


class EncodedRagged:
    """One encoded ragged value: its row splits (outermost first) and flat values; with no
    splits it is a dense array (ragged rank 0)."""

    def __init__(self, nested_splits: tuple, values: np.ndarray):
        self.nested_splits = tuple(nested_splits)
        self.values = values

    def rows(self) -> np.ndarray:
        """The encoded rows (one ragged rank less) as a vector of variants."""
        if not self.nested_splits:
            return _variants([EncodedRagged((), row) for row in self.values])
        outer, inner = self.nested_splits[0], self.nested_splits[1:]
        rows = []
        for start, stop in zip(outer[:-1], outer[1:]):
            splits, lo, hi = [], int(start), int(stop)
            for level in inner:
                splits.append(level[lo:hi + 1] - level[lo])
                lo, hi = int(level[lo]), int(level[hi])
            rows.append(EncodedRagged(tuple(splits), self.values[lo:hi]))
        return _variants(rows)


def _variants(items: list) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        out[i] = item
    return out


def _stack(items: list, ragged_rank: int, values_dtype, splits_dtype) -> EncodedRagged:
    """Encoded values of ragged rank ``r`` stacked as the rows of one of rank ``r + 1``."""
    outer = [0]
    levels = [[np.zeros(1, splits_dtype)] for _ in range(ragged_rank)]
    offsets = [0] * ragged_rank
    for item in items:
        if len(item.nested_splits) != ragged_rank:
            raise errors.InvalidArgumentError(
                None, None, f"Expected ragged_rank={ragged_rank} for a component of the "
                f"encoded ragged tensor, but got {len(item.nested_splits)}")
        first = item.nested_splits[0] if ragged_rank else None
        outer.append(outer[-1] + (len(first) - 1 if ragged_rank else len(item.values)))
        for j, splits in enumerate(item.nested_splits):
            levels[j].append(np.asarray(splits[1:], splits_dtype) + offsets[j])
            offsets[j] += int(splits[-1])
    values = np.concatenate([item.values for item in items]) if items else \
        np.zeros((0,), values_dtype)
    return EncodedRagged((np.asarray(outer, splits_dtype),) + tuple(
        np.concatenate(level) for level in levels), values.astype(values_dtype, copy=False))


def _decode(encoded: np.ndarray, output_rank: int, values_dtype,
            splits_dtype) -> EncodedRagged:
    """The ragged value of rank ``output_rank`` of an array of encoded values: its leading
    dimensions become the outer (uniform) ragged dimensions."""
    if encoded.ndim == 0:
        return encoded[()]
    parts = [_decode(encoded[i:i + 1].reshape(encoded.shape[1:]), output_rank - 1,
                     values_dtype, splits_dtype) for i in range(encoded.shape[0])]
    return _stack(parts, output_rank - 1, values_dtype, splits_dtype)


class DenseAsRagged:
    """A dense tensor taken as a ragged tensor of ragged rank 0, so that batching it gives a
    ragged tensor (``dense_to_ragged_batch``)."""

    def __init__(self, tensor, row_splits_dtype):
        self.flat_values = tensor
        self.nested_row_splits = ()
        self.dtype = tensor.dtype
        self.shape = tensor.shape
        self.ragged_rank = 0
        self.row_splits_dtype = row_splits_dtype


def dense_to_ragged(dataset, row_splits_dtype):
    """``dataset`` with each dense component whose shape is not fully known (rank >= 1) taken
    as a ragged tensor of ragged rank 0."""
    from tfcompat.data import structure

    def becomes_ragged(t, shape) -> bool:
        return isinstance(t, dtypes.DType) and shape.ndims is not None and shape.ndims >= 1 \
            and not shape.is_fully_defined()
    marks = [becomes_ragged(t, s) for t, s in zip(structure.flatten(dataset._types),
                                                  structure.flatten(dataset._shapes))]
    if not any(marks):
        return dataset
    splits_dtype = dtypes.as_dtype(row_splits_dtype)

    def convert(*element):
        value = element[0] if len(element) == 1 else element
        leaves = [DenseAsRagged(leaf, splits_dtype) if mark else leaf
                  for leaf, mark in zip(structure.flatten(value), marks)]
        return structure.pack_as(value, leaves)
    return dataset.map(convert)


# ---- RaggedTensorToVariant -----------------------------------------------------------------------

def _to_variant(op, state):
    batched = op._attrs["batched_input"]

    def kernel(*args):
        splits = tuple(np.asarray(s) for s in args[:-1])
        encoded = EncodedRagged(splits, np.asarray(args[-1]))
        if batched:
            return encoded.rows()
        out = np.empty((), dtype=object)
        out[()] = encoded
        return out
    return kernel


def _to_variant_shape(op):
    if not op._attrs["batched_input"]:
        return [(dtypes.variant, TensorShape([]))]
    splits = op.inputs[0].shape if len(op.inputs) > 1 else None
    rows = None
    if splits is not None and splits.ndims == 1 and splits.as_tuple()[0] is not None:
        rows = splits.as_tuple()[0] - 1
    elif splits is None and op.inputs[0].shape.ndims:
        rows = op.inputs[0].shape.as_tuple()[0]
    return [(dtypes.variant, TensorShape([rows]))]


register_op("RaggedTensorToVariant", inputs=("rt_nested_splits: RAGGED_RANK*Tsplits",
                                             "rt_dense_values: Tvalues"),
            shape_fn=_to_variant_shape, bind=_to_variant, foldable=False,
            attr_defaults={"batched_input": False}, grad=NOT_DIFFERENTIABLE)


# ---- RaggedTensorFromVariant ---------------------------------------------------------------------

def _from_variant(op, state):
    input_rank = op._attrs["input_ragged_rank"]  # -1: whatever the encoded values have
    output_rank = op._attrs["output_ragged_rank"]
    values_dtype = op._attrs["Tvalues"].as_numpy_dtype
    splits_dtype = op._attrs["Tsplits"].as_numpy_dtype

    def kernel(encoded):
        encoded = np.asarray(encoded, dtype=object)
        if input_rank >= 0 and input_rank + encoded.ndim != output_rank:
            raise errors.InvalidArgumentError(
                None, None, f"output_ragged_rank must be equal to input_ragged_rank + "
                f"encoded_ragged.dims(); output_ragged_rank: {output_rank}, "
                f"input_ragged_rank: {input_rank}, encoded_ragged.dims(): {encoded.ndim}.")
        value = _decode(encoded, output_rank, values_dtype, splits_dtype)
        if len(value.nested_splits) != output_rank:
            raise errors.InvalidArgumentError(
                None, None, f"Encoded input RaggedTensorVariant has ragged_rank="
                f"{len(value.nested_splits) - output_rank + encoded.ndim}.  Expected "
                f"ragged_rank={output_rank - encoded.ndim}.")
        values = np.asarray(value.values, values_dtype)
        if not output_rank:
            return values  # a dense tensor: the op's one output
        return [np.asarray(s, splits_dtype) for s in value.nested_splits] + [values]
    return kernel


def _from_variant_shape(op):
    out_rank = op._attrs["output_ragged_rank"]
    inner = op._attrs.get("values_inner_shape", unknown_shape())
    values_shape = TensorShape([None]).concatenate(inner) if out_rank else inner
    return [(op._attrs["Tsplits"], TensorShape([None]))] * out_rank + [
        (op._attrs["Tvalues"], values_shape)]


register_op("RaggedTensorFromVariant", inputs=("encoded_ragged: variant",),
            shape_fn=_from_variant_shape, bind=_from_variant, foldable=False,
            grad=NOT_DIFFERENTIABLE)
