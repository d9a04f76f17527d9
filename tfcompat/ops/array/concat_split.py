"""Joining and splitting, together because their gradients call each other: ConcatV2,
ConcatOffset, Pack (and list autopacking), Unpack, Split, SplitV."""

from __future__ import annotations

import numbers

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import (
    ShapeError,
    Tensor,
    apply_op,
    convert_to_tensor,
    create_op_from_values,
)
from tfcompat.framework.tensor_shape import Dimension, merge_error, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.array.core import identity, rank, shape, shape_n
from tfcompat.ops.array.slice_common import (
    _SHAPE,
    _SPLIT_LEN_TYPES,
    _ints,
    _invalid,
    _outputs,
    _shape_str,
    _with_rank,
)
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- concat and stack ------------------------------------------------------------------------

def _concat_shape(op):
    values, axis_t = op.inputs[:-1], op.inputs[-1]
    dtype = values[0].dtype.base_dtype
    axis = tensor_util.constant_value(axis_t)
    ranks = [v.shape.ndims for v in values if v.shape.ndims is not None]
    if not ranks:
        return [(dtype, unknown_shape())]
    rank_ = ranks[0]
    for r in ranks:
        if r != rank_:
            raise ShapeError(f"Shape must be rank {rank_} but is rank {r}")
    if axis is None:
        return [(dtype, unknown_shape(rank_))]
    axis = int(axis)
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Shape must be at least rank {axis + 1 if axis >= 0 else -axis} but "
                         f"is rank {rank_}")
    axis %= rank_
    out = [None] * rank_
    total = 0
    for v in values:
        if v.shape.ndims is None:
            total = None
            continue
        dims = v.shape.as_tuple()
        for i, d in enumerate(dims):
            if i == axis:
                continue
            if out[i] is None:
                out[i] = d
            elif d is not None and d != out[i]:
                raise ShapeError(f"Dimension {i} in both shapes must be equal, but are {out[i]} "
                                 f"and {d}. Shapes are {list(values[0].shape.as_tuple())} and "
                                 f"{list(dims)}.")
        if total is not None:
            total = None if dims[axis] is None else total + dims[axis]
    out[axis] = total
    return [(dtype, _SHAPE(tuple(out)))]


def _concat_kernel(*args):
    values, axis = args[:-1], int(args[-1])
    try:
        return np.concatenate(values, axis=axis)
    except ValueError as e:
        raise errors.InvalidArgumentError(None, None, f"ConcatOp : {e}") from None


def _concat_grad(op, grad):
    from tfcompat.ops import slicing_ops
    values, axis = op.inputs[:-1], op.inputs[-1]
    axis_mod = axis % rank(values[0])
    sizes = _input_shapes(values)
    offsets = concat_offsets(axis_mod, sizes)
    grads = [slicing_ops.slice(grad, offset, size) for offset, size in zip(offsets, sizes)]
    return grads + [None]


def _input_shapes(values) -> list:
    """Each input's shape: Consts while the static shapes are known, else one ShapeN of all
    (TF's order: the first unknown shape's Shape op is built, then given up for the ShapeN)."""
    sizes = []
    for v in values:
        size = shape(v)
        if size.op.type != "Const":
            return shape_n(values)
        sizes.append(size)
    return sizes


register_op("ConcatV2", inputs=("values: N*T", "axis: Tidx"), kernel=_concat_kernel,
            shape_fn=_concat_shape, allowed={"Tidx": INDEX_TYPES}, value_inputs=(-1,),
            type_defaults={"Tidx": dtypes.int32},
            grad=_concat_grad)


def concat_offsets(axis, shapes):
    """Start offsets of each piece along ``axis`` (TF's ConcatOffset op)."""
    return apply_op("ConcatOffset", [axis, list(shapes)])


def _concat_offset_shape(op):
    return [(dtypes.int32, s.shape) for s in op.inputs[1:]]


def _concat_offset_kernel(axis, *shapes):
    axis = int(axis)
    offsets = []
    running = 0
    for s in shapes:
        offset = np.zeros_like(np.asarray(s))
        offset[axis] = running
        running += int(np.asarray(s)[axis])
        offsets.append(offset)
    return tuple(offsets)


register_op("ConcatOffset", inputs=("concat_dim: int32", "shape: N*int32"),
            kernel=_concat_offset_kernel, shape_fn=_concat_offset_shape,
            grad=NOT_DIFFERENTIABLE)


def concat(values, axis, name="concat") -> Tensor:
    """Concatenates tensors along ``axis`` (``tf.concat``)."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    if dispatch.any_composite(values):
        return dispatch.call("concat", values, axis, name)
    if len(values) == 1:
        with ops.name_scope(name) as scope:
            convert_to_tensor(axis, name="concat_dim", dtype=dtypes.int32)
            return identity(values[0], name=scope)
    return apply_op("ConcatV2", [list(values), axis], name=name)


def _pack_shape(op):
    values = op.inputs
    axis = op._attrs["axis"]
    merged = unknown_shape()
    for v in values:
        if not merged.is_compatible_with(v.shape):
            # TF reports this one without the node description.
            raise ValueError(merge_error(merged, v.shape))
        merged = merged.merge_with(v.shape)
    dtype = values[0].dtype.base_dtype
    if merged.ndims is None:
        return [(dtype, unknown_shape())]
    dims = list(merged.as_tuple())
    rank_ = len(dims) + 1
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Invalid axis: {axis}; must be in [{-rank_},{rank_})")
    if axis < 0:
        axis += rank_
    dims.insert(axis, len(values))
    return [(dtype, _SHAPE(tuple(dims)))]


def _pack_grad(op, grad):
    from tfcompat.ops import slicing_ops
    return slicing_ops.unstack(grad, num=op._attrs["N"], axis=op._attrs["axis"])


def _pack_kernel(*values, axis):
    first = values[0]
    if axis == 0 and first.dtype.kind in "biufc" and all(
            type(v) is np.ndarray and v.shape == first.shape and v.dtype == first.dtype
            for v in values):
        return np.array(values)  # np.stack's result, without its Python-level work
    return np.stack(values, axis=axis)


register_op("Pack", inputs=("values: N*T",), kernel=_pack_kernel,
            kernel_attrs=("axis",), shape_fn=_pack_shape, attr_defaults={"axis": 0},
            grad=_pack_grad)


def stack(values, axis=0, name="stack") -> Tensor:
    """Stacks rank-R tensors into one rank-(R+1) tensor (``tf.stack``).

    Along axis 0 a list of Python values becomes one Const, as in TF.
    """
    if dispatch.any_composite(values):
        return dispatch.call("stack", values, axis, name)
    if axis == 0:
        try:
            return convert_to_tensor(values, name=name)
        except (TypeError, ValueError, NotImplementedError):
            pass
    return apply_op("Pack", [list(values)], name=name, attrs={"axis": int(axis)})


# ---- Unpack (unstack) ------------------------------------------------------------------------

def _unpack_shape(op):
    x = op.inputs[0]
    num, axis = op._attrs["num"], op._attrs["axis"]
    dtype = x.dtype.base_dtype
    if x.shape.ndims is None:
        return [(dtype, unknown_shape())] * num
    dims = list(x.shape.as_tuple())
    rank = len(dims)
    if axis < -rank or axis >= rank:
        raise ShapeError(f"Invalid axis: {axis}; must be in [{-rank},{rank})")
    axis %= rank
    if dims[axis] is not None and dims[axis] != num:
        raise ShapeError(f"Dimension must be {num} but is {dims[axis]}")
    out = _SHAPE(tuple(dims[:axis] + dims[axis + 1:]))
    return [(dtype, out)] * num


def _unpack_kernel(x, num, axis):
    x = np.asarray(x)
    if x.shape[axis] != num:
        raise _invalid(f"Input shape axis {axis} must equal {num}, got shape "
                       f"{_shape_str(x.shape)}")
    axis %= x.ndim
    # One copy (never the input itself) with the unpacked axis first; each output is a
    # C-contiguous view of a slab of it (``[i, ...]`` keeps a 1-D input's elements 0-d arrays).
    # np.take per output copied twice (91 us against 14 for 50 slabs of [32, 32]).
    order = (axis,) + tuple(d for d in range(x.ndim) if d != axis)
    slabs = np.array(x.transpose(order), order="C")
    return _outputs([slabs[i, ...] for i in range(num)])


def _unpack_grad(op, *grads):
    return array_ops.stack(list(grads), axis=op._attrs["axis"])


register_op("Unpack", inputs=("value: T",), kernel=_unpack_kernel, kernel_attrs=("num", "axis"),
            shape_fn=_unpack_shape, attr_defaults={"axis": 0},
            grad=_unpack_grad)


def unstack(value, num=None, axis=0, name="unstack") -> list[Tensor]:
    """Unpacks the dim ``axis`` of a rank-R tensor into rank-(R-1) tensors (``tf.unstack``)."""
    if num is None:
        value = convert_to_tensor(value)
        shape = value.shape
        if shape.ndims is not None:
            if axis < -shape.ndims or axis >= shape.ndims:
                raise ValueError(f"Argument `axis` = {axis} not in range [{-shape.ndims}, "
                                 f"{shape.ndims})")
            num = shape.as_tuple()[axis]
        if num is None:
            raise ValueError(f"Cannot infer argument `num` from shape {shape}")
    op = create_op_from_values("Unpack", [value], name=name,
                               attrs={"num": int(num), "axis": int(axis)})
    return op.outputs


# ---- Split and SplitV ------------------------------------------------------------------------

def _split_dim(axis_t: Tensor, rank: int | None) -> int | None:
    """The static split dim, normalized (TF's MakeDimForScalarInputWithNegativeIndexing)."""
    _with_rank(axis_t.shape, 0)
    value = tensor_util.constant_value(axis_t)
    if value is None:
        return None
    axis = int(value)
    if rank is None:
        return axis if axis >= 0 else None
    if axis < -rank or axis >= rank:
        raise ShapeError(f"Dimension size, given by scalar input {axis} must be in range "
                         f"[-{rank}, {rank})")
    return axis % rank


def _split_shape(op):
    axis_t, x = op.inputs
    num = op._attrs["num_split"]
    dtype = x.dtype.base_dtype
    axis = _split_dim(axis_t, x.shape.ndims)
    if axis is None or x.shape.ndims is None:
        return [(dtype, unknown_shape(x.shape.ndims))] * num
    dims = list(x.shape.as_tuple())
    if dims[axis] is not None:
        if dims[axis] % num:
            raise ShapeError(f"Dimension size must be evenly divisible by {num} but is "
                             f"{dims[axis]}\n\tNumber of ways to split should evenly divide the "
                             "split dimension")
        dims[axis] //= num
    return [(dtype, _SHAPE(tuple(dims)))] * num


def _check_split_dim(x: np.ndarray, axis) -> int:
    axis = int(axis)
    rank = x.ndim
    if not -rank <= axis < rank:
        raise _invalid(f"-input rank(-{rank}) <= split_dim < input rank ({rank}), but got "
                       f"{axis}")
    return axis + rank if axis < 0 else axis


def _split_kernel(axis, x, num_split):
    x = np.asarray(x)
    axis = _check_split_dim(x, axis)
    shape = x.shape
    size = shape[axis]
    if size % num_split:
        raise _invalid(f"Number of ways to split should evenly divide the split dimension, but "
                       f"got split_dim {axis} (size = {size}) and num_split "
                       f"{num_split}")
    # One copy (never the input itself: a fed buffer may be refilled) with the pieces side by
    # side along a new first axis; each output is a C-contiguous view of one of them (sharing
    # that buffer, never overlapping). A copy per piece cost ~2 us more on an LSTM's gates.
    grouped = x.reshape(shape[:axis] + (num_split, size // num_split) + shape[axis + 1:])
    if axis:
        grouped = grouped.swapaxes(0, axis) if axis == 1 else grouped.transpose(
            (axis,) + tuple(range(axis)) + tuple(range(axis + 1, x.ndim + 1)))
    pieces = np.array(grouped, order="C")
    return tuple(pieces) if num_split > 1 else pieces[0]


def _copied_pieces(x: np.ndarray, axis: int, edges: list[int]):
    """Copies of ``x`` between consecutive ``edges`` along ``axis`` (np.split's pieces, without
    its per-call overhead)."""
    lead = (slice(None),) * axis
    return _outputs([np.array(x[lead + (slice(lo, hi),)]) for lo, hi in zip(edges, edges[1:])])


def _split_grad(op, *grads):
    return None, array_ops.concat(list(grads), op.inputs[0])


register_op("Split", inputs=("split_dim: int32", "value: T"), kernel=_split_kernel,
            kernel_attrs=("num_split",), shape_fn=_split_shape,
            grad=_split_grad)


def _split_v_shape(op):
    x, sizes_t, axis_t = op.inputs
    num = op._attrs["num_split"]
    dtype = x.dtype.base_dtype
    rank = x.shape.ndims
    if rank == 0:
        raise ShapeError("Can't split scalars")
    axis = _split_dim(axis_t, rank)
    if rank is None:
        return [(dtype, unknown_shape())] * num
    sizes = tensor_util.constant_value(sizes_t)
    if axis is None:
        return [(dtype, unknown_shape(rank))] * num
    dims = list(x.shape.as_tuple())
    if sizes is None:
        return [(dtype, _SHAPE(tuple(dims[:axis] + [None] + dims[axis + 1:])))] * num
    sizes = _ints(sizes)
    if len(sizes) != num:
        raise ShapeError("Length of size_splits should be equal to num_outputs.")
    if sizes.count(-1) > 1:
        raise ShapeError("size_splits can only have one -1")
    total = sum(s for s in sizes if s != -1)
    dim = dims[axis]
    outputs = []
    for i, size in enumerate(sizes):
        if size == -1 and dim is not None:
            size = dim - total
        if size < -1 or (size == -1 and dim is not None):
            raise ShapeError(f"Split size at index {i} must be >= 0. Got: {size}")
        outputs.append((dtype, _SHAPE(tuple(dims[:axis] + [None if size == -1 else size]
                                            + dims[axis + 1:]))))
    if dim is not None and (total > dim if -1 in sizes else total != dim):
        raise ShapeError(f"can't split axis of size {dim} into pieces of size "
                         f"[{','.join(str(s) for s in sizes)}]")
    return outputs


def _split_v_kernel(x, sizes, axis, num_split):
    x = np.asarray(x)
    axis = _check_split_dim(x, axis)
    sizes = np.asarray(sizes)
    if sizes.ndim != 1 or sizes.size != num_split:
        raise _invalid(f"size of the split_tensor must be 1-D and have the same elements as "
                       f"outputs got {sizes.ndim} -D and {sizes.size} elements")
    sizes = _ints(sizes)
    dim = x.shape[axis]
    if sizes.count(-1) > 1:
        raise _invalid("There can only be one -1 in the input.")
    determined = sum(s for s in sizes if s != -1)
    if not ((-1 not in sizes and determined == dim) or (-1 in sizes and determined <= dim)):
        raise _invalid("Determined shape must either match input shape along split_dim exactly "
                       "if fully specified, or be less than the size of the input along "
                       f"split_dim if not fully specified.  Got: {determined}")
    sizes = [dim - determined if s == -1 else s for s in sizes]
    for i, s in enumerate(sizes):
        if s < 0:
            raise _invalid(f"Split size at index {i} must be >= 0. Got: {s}")
    edges = [0]
    for s in sizes:
        edges.append(edges[-1] + s)
    return _copied_pieces(x, axis, edges)


def _split_v_grad(op, *grads):
    return array_ops.concat(list(grads), op.inputs[2]), None, None


register_op("SplitV", inputs=("value: T", "size_splits: Tlen", "split_dim: int32"),
            kernel=_split_v_kernel, kernel_attrs=("num_split",), shape_fn=_split_v_shape,
            allowed={"Tlen": _SPLIT_LEN_TYPES}, type_defaults={"Tlen": dtypes.int64},
            grad=_split_v_grad)


def split(value, num_or_size_splits, axis=0, num=None, name="split") -> list[Tensor]:
    """Splits a tensor along ``axis`` into equal parts (Split) or parts of given sizes (SplitV)
    (``tf.split``)."""
    if isinstance(num_or_size_splits, (numbers.Integral, Dimension)):
        num_split = int(num_or_size_splits)
        if num_split < 1:
            raise ValueError(f"Attr 'num_split' of 'Split' Op passed {num_split} less than "
                             "minimum 1.")
        op = create_op_from_values("Split", [axis, value], name=name,
                                   attrs={"num_split": num_split})
        return op.outputs
    size_splits = convert_to_tensor(num_or_size_splits)
    if size_splits.shape.ndims == 0:
        raise ValueError("Rank-0 tensors are not supported as the num_or_size_splits argument "
                         f"to split. Argument provided: {num_or_size_splits}")
    if num is None:
        if size_splits.shape.ndims:
            num = size_splits.shape.as_tuple()[0]
        if num is None:
            raise ValueError(f"Cannot infer argument `num` from shape {num_or_size_splits}")
    op = create_op_from_values("SplitV", [value, size_splits, axis], name=name,
                               attrs={"num_split": int(num)})
    return op.outputs
