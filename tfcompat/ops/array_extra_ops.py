"""Array ops beyond the basics: Roll, ReverseSequence, UniqueWithCounts, UnravelIndex,
EnsureShape, BroadcastArgs, and the composites sequence_mask, meshgrid, repeat, batch_gather,
saturate_cast and the to_* casts.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape, as_shape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.op_helpers import INDEX_TYPES


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _same_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, x.shape)]


# ---- Roll ------------------------------------------------------------------------------------

def _roll_kernel(x, shift, axis):
    x = np.asarray(x)
    shift = np.asarray(shift).reshape(-1)
    axis = np.asarray(axis).reshape(-1)
    if shift.size != axis.size:
        raise _invalid("shift and axis must have the same size")
    for a in axis:
        if not -x.ndim <= a < x.ndim:
            raise _invalid(f"axis {a} is out of range")
    if x.size == 0:
        return x.copy()
    return np.roll(x, tuple(int(s) for s in shift), tuple(int(a) for a in axis))


def _roll_grad(op, grad):
    shift, axis = op.inputs[1], op.inputs[2]
    return roll(grad, -shift, axis), None, None


register_op("Roll", inputs=("input: T", "shift: Tshift", "axis: Taxis"), kernel=_roll_kernel,
            shape_fn=_same_shape, allowed={"Tshift": INDEX_TYPES, "Taxis": INDEX_TYPES},
            grad=_roll_grad)


def roll(input, shift, axis, name=None) -> Tensor:  # noqa: A002
    """Rolls the elements of a tensor along ``axis`` by ``shift`` positions."""
    return apply_op("Roll", [input, shift, axis], name=name)


# ---- ReverseSequence -------------------------------------------------------------------------

def _reverse_sequence_kernel(x, seq_lengths, seq_dim, batch_dim):
    x, lengths = np.asarray(x), np.asarray(seq_lengths)
    if lengths.shape != (x.shape[batch_dim],):
        raise _invalid(f"Length of seq_lengths != input.dims({batch_dim}), ({lengths.size} vs. "
                       f"{x.shape[batch_dim]})")
    if (lengths > x.shape[seq_dim]).any() or (lengths < 0).any():
        bad = int(np.flatnonzero((lengths > x.shape[seq_dim]) | (lengths < 0))[0])
        raise _invalid(f"seq_lens(0) > input.dims({seq_dim}) ({lengths[bad]} vs. "
                       f"{x.shape[seq_dim]})")
    out = x.copy()
    for b, n in enumerate(lengths):
        n = int(n)
        index = [slice(None)] * x.ndim
        index[batch_dim] = b
        index[seq_dim] = slice(0, n)
        source = list(index)
        source[seq_dim] = slice(n - 1, None, -1) if n else slice(0, 0)
        out[tuple(index)] = x[tuple(source)]
    return out


def _reverse_sequence_grad(op, grad):
    return (apply_op("ReverseSequence", [grad, op.inputs[1]],
                     attrs={"seq_dim": op._attrs["seq_dim"],
                            "batch_dim": op._attrs["batch_dim"]}), None)


def _reverse_sequence_shape(op):
    value, lengths = op.inputs
    shape = value.shape
    batch_dim = op._attrs["batch_dim"]
    if shape.ndims is not None and lengths.shape.ndims == 1:
        # TF's shape function learns the batch size from seq_lengths' length.
        dims = shape.as_list()
        dims[batch_dim] = Dimension(dims[batch_dim]).merge_with(lengths.shape[0]).value
        shape = TensorShape(dims)
    return [(value.dtype.base_dtype, shape)]


register_op("ReverseSequence", inputs=("input: T", "seq_lengths: Tlen"),
            kernel=_reverse_sequence_kernel, kernel_attrs=("seq_dim", "batch_dim"),
            shape_fn=_reverse_sequence_shape, allowed={"Tlen": INDEX_TYPES},
            type_defaults={"Tlen": dtypes.int64}, attr_defaults={"batch_dim": 0},
            grad=_reverse_sequence_grad)


def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None,  # noqa: A002
                     seq_dim=None, batch_dim=None) -> Tensor:
    """Reverses the first ``seq_lengths[b]`` entries along ``seq_axis`` of each batch row b."""
    seq_axis = seq_dim if seq_axis is None else seq_axis
    batch_axis = (batch_dim if batch_dim is not None else 0) if batch_axis is None \
        else batch_axis
    return apply_op("ReverseSequence", [input, seq_lengths], name=name,
                    attrs={"seq_dim": int(seq_axis), "batch_dim": int(batch_axis)})


# ---- UniqueWithCounts ------------------------------------------------------------------------

def _unique_with_counts_shape(op):
    x = op.inputs[0]
    if x.shape.ndims not in (None, 1):
        raise ShapeError(f"Shape must be rank 1 but is rank {x.shape.ndims}")
    out_idx = op._attrs["out_idx"]
    return [(x.dtype.base_dtype, unknown_shape(1)), (out_idx, x.shape),
            (out_idx, unknown_shape(1))]


def _unique_with_counts_kernel(x, out_idx):
    x = np.asarray(x)
    _, first, inverse, counts = np.unique(x, return_index=True, return_inverse=True,
                                          return_counts=True)
    order = np.argsort(first, kind="stable")  # order of first appearance, as TF
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    index_type = out_idx.as_numpy_dtype
    return (x[first[order]], rank[inverse.reshape(-1)].astype(index_type),
            counts[order].astype(index_type))


register_op("UniqueWithCounts", inputs=("x: T",), kernel=_unique_with_counts_kernel,
            kernel_attrs=("out_idx",), shape_fn=_unique_with_counts_shape,
            attr_defaults={"out_idx": dtypes.int32}, grad=NOT_DIFFERENTIABLE)


def unique_with_counts(x, out_idx=dtypes.int32, name=None):
    """Unique elements of a 1-D tensor (first-appearance order), each element's index into
    them, and their counts: ``(y, idx, count)``."""
    return apply_op("UniqueWithCounts", [x], name=name,
                    attrs={"out_idx": dtypes.as_dtype(out_idx)})


# ---- UnravelIndex ----------------------------------------------------------------------------

def _unravel_shape(op):
    indices, dims = op.inputs
    dtype = indices.dtype.base_dtype
    n = dims.shape.as_tuple()[0] if dims.shape.ndims == 1 else None
    if indices.shape.ndims == 0:
        return [(dtype, TensorShape._from_tuple((n,)))]
    if indices.shape.ndims == 1:
        return [(dtype, TensorShape._from_tuple((n, indices.shape.as_tuple()[0])))]
    return [(dtype, unknown_shape())]


def _unravel_kernel(indices, dims):
    indices, dims = np.asarray(indices), np.asarray(dims)
    total = int(np.prod(dims, dtype=np.int64))
    if ((indices < 0) | (indices >= total)).any():
        raise _invalid(f"index out of bounds for shape {list(dims)}")
    return np.asarray(np.unravel_index(indices, tuple(int(d) for d in dims)),
                      dtype=indices.dtype)


register_op("UnravelIndex", inputs=("indices: Tidx", "dims: Tidx"), kernel=_unravel_kernel,
            shape_fn=_unravel_shape, allowed={"Tidx": INDEX_TYPES}, grad=NOT_DIFFERENTIABLE)


def unravel_index(indices, dims, name=None) -> Tensor:
    """Converts flat indices into coordinate arrays of shape ``dims``."""
    return apply_op("UnravelIndex", [indices, dims], name=name)


# ---- EnsureShape -----------------------------------------------------------------------------

def _ensure_shape_shape(op):
    x = op.inputs[0]
    wanted = op._attrs["shape"]
    if not x.shape.is_compatible_with(wanted):
        if x.shape.ndims != wanted.ndims:
            raise ShapeError(f"Shape must be rank {wanted.ndims} but is rank {x.shape.ndims}")
        raise ShapeError(f"Dimension mismatch: {x.shape} vs {wanted}")
    return [(x.dtype.base_dtype, x.shape.merge_with(wanted))]


def _ensure_shape_kernel(x, shape):
    x = np.asarray(x)
    if not shape.is_compatible_with(x.shape):
        wanted = "[" + ",".join("?" if d is None else str(d) for d in shape.as_tuple()) + "]" \
            if shape.ndims is not None else "<unknown>"
        raise _invalid(f"Shape of tensor {_np_shape_text(x.shape)} is not compatible with "
                       f"expected shape {wanted}.")
    return x


def _np_shape_text(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


register_op("EnsureShape", inputs=("input: T",), kernel=_ensure_shape_kernel,
            kernel_attrs=("shape",), shape_fn=_ensure_shape_shape,
            grad=lambda op, grad: grad)


def ensure_shape(x, shape, name=None) -> Tensor:
    """Checks at run time that ``x`` has ``shape`` (unknown dims match anything)."""
    return apply_op("EnsureShape", [x], name=name, attrs={"shape": as_shape(shape)})


# ---- BroadcastArgs ---------------------------------------------------------------------------

def _broadcast_args_shape(op):
    s0, s1 = op.inputs
    dims = [t.shape.as_tuple()[0] if t.shape.ndims == 1 else None for t in (s0, s1)]
    n = None if None in dims else max(dims)
    return [(s0.dtype.base_dtype, TensorShape._from_tuple((n,)))]


def _broadcast_args_kernel(s0, s1):
    s0, s1 = np.asarray(s0), np.asarray(s1)
    try:
        out = np.broadcast_shapes(tuple(int(d) for d in s0), tuple(int(d) for d in s1))
    except ValueError:
        raise _invalid(f"Incompatible shapes: {_np_shape_text(s0)} vs. "
                       f"{_np_shape_text(s1)}") from None
    return np.asarray(out, dtype=s0.dtype)


register_op("BroadcastArgs", inputs=("s0: T", "s1: T"), kernel=_broadcast_args_kernel,
            shape_fn=_broadcast_args_shape, allowed={"T": INDEX_TYPES},
            grad=NOT_DIFFERENTIABLE)


def broadcast_dynamic_shape(shape_x, shape_y) -> Tensor:
    """The broadcast of two shapes given as 1-D integer tensors."""
    return apply_op("BroadcastArgs", [shape_x, shape_y])


def broadcast_static_shape(shape_x, shape_y) -> TensorShape:
    """The broadcast of two TensorShapes; ValueError if they are incompatible."""
    try:
        return broadcast_shape(as_shape(shape_x), as_shape(shape_y))
    except ShapeError:
        raise ValueError(f"Incompatible shapes for broadcasting. Two shapes are compatible if "
                         f"for each dimension pair they are either equal or one of them is 1. "
                         f"Received: {as_shape(shape_x)} and {as_shape(shape_y)}.") from None


# ---- casts -----------------------------------------------------------------------------------

def to_bfloat16(x, name="ToBFloat16") -> Tensor:
    """Casts a tensor to bfloat16 (deprecated TF1 alias of ``tf.cast``)."""
    return math_ops.cast(x, dtypes.bfloat16, name=name)


def to_complex64(x, name="ToComplex64") -> Tensor:
    """Casts a tensor to complex64 (deprecated TF1 alias of ``tf.cast``)."""
    return math_ops.cast(x, dtypes.complex64, name=name)


def to_complex128(x, name="ToComplex128") -> Tensor:
    """Casts a tensor to complex128 (deprecated TF1 alias of ``tf.cast``)."""
    return math_ops.cast(x, dtypes.complex128, name=name)


def saturate_cast(value, dtype, name=None) -> Tensor:
    """Casts to ``dtype``, first clamping to its range so the cast cannot overflow."""
    with ops.name_scope(name, "saturate_cast", [value]) as scope:
        value = convert_to_tensor(value, name="value")
        dtype = dtypes.as_dtype(dtype)
        source = value.dtype.base_dtype
        if not source.is_complex and not source.is_bool:
            low = max(source.min, dtype.min)
            high = min(source.max, dtype.max)
            if source.is_integer:
                low, high = int(low), int(high)
            if low > source.min or high < source.max:
                value = math_ops.clip_by_value(
                    value, constant_op.constant(low, dtype=source),
                    constant_op.constant(high, dtype=source), name="clamp")
        return math_ops.cast(value, dtype, name=scope)


# ---- composites ------------------------------------------------------------------------------

def sequence_mask(lengths, maxlen=None, dtype=dtypes.bool_, name=None) -> Tensor:
    """mask[i..., j] = j < lengths[i...], for j < maxlen (default: max(lengths))."""
    with ops.name_scope(name, "SequenceMask", [lengths, maxlen]):
        lengths = convert_to_tensor(lengths)
        if maxlen is None:
            maxlen = math_ops.maximum(constant_op.constant(0, lengths.dtype),
                                      math_ops.reduce_max(lengths))
        else:
            maxlen = convert_to_tensor(maxlen)
        if maxlen.shape.ndims not in (None, 0):
            raise ValueError("maxlen must be scalar for sequence_mask")
        row_vector = math_ops.range(constant_op.constant(0, maxlen.dtype), maxlen,
                                    constant_op.constant(1, maxlen.dtype))
        # TF casts with the raw op, which adds a Cast even when the dtypes already agree.
        matrix = apply_op("Cast", [array_ops.expand_dims(lengths, -1)],
                          attrs={"DstT": maxlen.dtype.base_dtype})
        result = math_ops.less(row_vector, matrix)
        dtype = dtypes.as_dtype(dtype)
        return result if dtype == dtypes.bool_ else math_ops.cast(result, dtype)


def meshgrid(*args, **kwargs) -> list[Tensor]:
    """Coordinate matrices from 1-D coordinate vectors (``indexing`` 'xy' or 'ij')."""
    indexing = kwargs.pop("indexing", "xy")
    name = kwargs.pop("name", "meshgrid")
    if kwargs:
        raise TypeError(f"'{next(iter(kwargs))}' is an invalid keyword argument for this "
                        "function")
    if indexing not in ("xy", "ij"):
        raise ValueError("Argument `indexing` parameter must be either 'xy' or 'ij'")
    with ops.name_scope(name, "meshgrid", args):
        ndim = len(args)
        s0 = (1,) * ndim
        if not ndim:
            return []
        outputs = []
        for i, x in enumerate(args):
            outputs.append(array_ops.reshape(x, s0[:i] + (-1,) + s0[i + 1:]))
        shapes = [array_ops.size(x) for x in args]
        output_dtype = convert_to_tensor(args[0]).dtype.base_dtype
        if indexing == "xy" and ndim > 1:
            outputs[0] = array_ops.reshape(outputs[0], (1, -1) + (1,) * (ndim - 2))
            outputs[1] = array_ops.reshape(outputs[1], (-1, 1) + (1,) * (ndim - 2))
            shapes[0], shapes[1] = shapes[1], shapes[0]
        mult_fact = array_ops.ones(array_ops.stack(shapes), output_dtype)
        return [x * mult_fact for x in outputs]


def repeat(input, repeats, axis=None, name=None) -> Tensor:  # noqa: A002
    """Repeats each element ``repeats`` times along ``axis`` (flattened when axis is None)."""
    if axis is None:  # flattened outside the Repeat scope, as TF does
        input = array_ops.reshape(input, [-1])  # noqa: A001
        axis = 0
    with ops.name_scope(name, "Repeat"):
        data = convert_to_tensor(input, name="input")
        repeats = math_ops.cast(convert_to_tensor(repeats, name="repeats"), dtypes.int32)
        rank = data.shape.ndims
        if rank is None:
            raise ValueError("tf.repeat needs an input of known rank")
        axis = int(axis) % rank
        shape = array_ops.shape(data)
        if repeats.shape.num_elements() == 1:
            repeats = array_ops.reshape(repeats, [])
            # Each element gets its own new axis, tiled `repeats` times, then merged back.
            expanded = array_ops.expand_dims(data, axis + 1)
            multiples = [1] * (axis + 1) + [repeats] + [1] * (rank - axis - 1)
            tiled = slicing_ops.tile(expanded, array_ops.stack(multiples))
            new_shape = array_ops.concat([shape[:axis], [-1], shape[axis + 1:]], 0)
            return array_ops.reshape(tiled, new_shape)
        perm = [axis] + [i for i in range(rank) if i != axis]
        moved = array_ops.transpose(data, perm) if axis else data
        max_repeat = math_ops.maximum(math_ops.reduce_max(repeats), 0)
        mask = sequence_mask(repeats, max_repeat)
        multiples = array_ops.stack([1, max_repeat] + [1] * (rank - 1))
        result = slicing_ops.boolean_mask(
            slicing_ops.tile(array_ops.expand_dims(moved, 1), multiples), mask)
        if axis:
            inverse = [0] * rank
            for i, p in enumerate(perm):
                inverse[p] = i
            result = array_ops.transpose(result, inverse)
        return result


def batch_gather(params, indices, name=None) -> Tensor:
    """gather with the leading dims of ``indices`` as batch dims (TF1's ``tf.batch_gather``).

    Built as TF builds it: each index is offset by its batch position into the flattened
    leading dims of ``params``, then one gather and a reshape.
    """
    with ops.name_scope(name, "BatchGather", [params, indices]):
        indices = convert_to_tensor(indices, name="indices")
        params = convert_to_tensor(params, name="params")
        if indices.shape.ndims is None:
            raise ValueError("batch_gather does not allow indices with unknown shape.")
        batch_dims = indices.shape.ndims - 1
        index_type = indices.dtype.base_dtype
        params_shape = math_ops.cast(array_ops.shape(params), index_type)
        offsets = array_ops.zeros([], dtype=index_type)
        stride = array_ops.ones([], dtype=index_type)
        for dim in range(batch_dims, 0, -1):
            stride = stride * params_shape[dim]
            positions = math_ops.range(array_ops.zeros([], index_type), params_shape[dim - 1],
                                       array_ops.ones([], index_type)) * stride
            dim_shape = [1] * (dim - 1) + [-1] + [1] * (indices.shape.ndims - dim)
            offsets = offsets + array_ops.reshape(positions, dim_shape)
        flat_indices = array_ops.reshape(indices + offsets, [-1])
        outer_shape = array_ops.shape(params)[batch_dims + 1:]
        flat_inner = math_ops.reduce_prod(array_ops.shape(params)[:batch_dims + 1], [0])
        flat_params = array_ops.reshape(params, array_ops.concat(
            [array_ops.stack([flat_inner]), outer_shape], 0))
        flat_result = slicing_ops.gather(flat_params, flat_indices)
        return array_ops.reshape(flat_result, array_ops.concat(
            [array_ops.shape(indices), outer_shape], 0))
