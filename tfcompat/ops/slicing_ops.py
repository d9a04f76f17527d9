"""Slicing, gathering, padding, splitting and scanning ops, and ``Tensor.__getitem__``.

Op types (TF's names): Slice, StridedSlice, StridedSliceGrad, Tile, Unpack, Split, SplitV,
GatherV2, UnsortedSegmentSum, Pad, PadV2, MirrorPad, MirrorPadGrad, OneHot, ListDiff, Cumsum,
Cumprod, ReverseV2. Each is registered next to its public wrapper and its gradient; gradients
build only graph ops, so they are differentiable again.
"""

from __future__ import annotations

import builtins
import numbers
import operator
from dataclasses import dataclass

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.op_registry import RegisterGradient, no_gradient, register_op
from tfcompat.framework.ops import (
    ShapeError,
    Tensor,
    apply_op,
    convert_to_tensor,
    create_op_from_values,
)
from tfcompat.framework.tensor_shape import Dimension, TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.op_helpers import INDEX_TYPES

_SHAPE = TensorShape._from_tuple

newaxis = None

# This module defines TF's ``slice``; Python's slice type is kept under another name.
_PySlice = builtins.slice

# TF's type lists, in TF's order (it shows in "not in list of allowed values" errors).
_SCAN_TYPES = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.uint8, dtypes.int16,
               dtypes.int8, dtypes.complex64, dtypes.int64, dtypes.qint8, dtypes.quint8,
               dtypes.qint32, dtypes.bfloat16, dtypes.qint16, dtypes.quint16, dtypes.uint16,
               dtypes.complex128, dtypes.float16, dtypes.uint32, dtypes.uint64)
_STRIDED_INDEX_TYPES = (dtypes.int16, dtypes.int32, dtypes.int64)
_GATHER_INDEX_TYPES = (dtypes.int16, dtypes.int32, dtypes.int64)
_SPLIT_LEN_TYPES = (dtypes.int8, dtypes.int32, dtypes.int64)
_ONE_HOT_INDEX_TYPES = (dtypes.uint8, dtypes.int8, dtypes.int32, dtypes.int64)


# ---- small shared helpers --------------------------------------------------------------------

def _outputs(parts: list):
    """A kernel result: the single array for a one-output op, else the tuple of arrays."""
    return parts[0] if len(parts) == 1 else tuple(parts)


def _dims(shape: TensorShape) -> list | None:
    return None if shape.ndims is None else list(shape.as_tuple())


def _shape_str(shape) -> str:
    """A runtime shape as TF prints it in kernel errors: ``[2,3,4]``."""
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _ints(value) -> list[int]:
    return [int(v) for v in np.asarray(value).reshape(-1)]


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _with_rank(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")


def _with_rank_at_least(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims < rank:
        raise ShapeError(f"Shape must be at least rank {rank} but is rank {shape.ndims}")


def _vector_length(shape: TensorShape) -> int | None:
    return None if shape.ndims is None else shape.as_tuple()[0]


def _merge_lengths(a: int | None, b: int | None) -> int | None:
    if a is not None and b is not None and a != b:
        raise ShapeError(f"Dimension 0 in both shapes must be equal, but are {a} and {b}. "
                         f"Shapes are [{a}] and [{b}].")
    return a if a is not None else b


def _shape_tensor_dims(tensor: Tensor) -> list | None:
    """TF's MakeShapeFromShapeTensor: a partial shape from a 1-D int tensor (-1 = unknown)."""
    value = tensor_util.constant_value(tensor)
    if value is not None:
        for v in np.asarray(value).reshape(-1):
            if v < -1:
                raise ValueError(f"Invalid value in tensor used for shape: {int(v)}")
    return _dims(tensor_util.constant_value_as_shape(tensor))


def _stack(values: list, name: str = "stack") -> Tensor:
    """TF's ``stack(values)`` along axis 0 for a flat list of scalars.

    Without any Tensor among them it is one Const; otherwise a Pack whose Python entries become
    Consts named by their position (``stack/1``), as TF's autopacking names them.
    """
    tensors = [v for v in values if isinstance(v, Tensor)]
    if not tensors:
        return constant_op.constant(values, name=name)
    dtype = tensors[0].dtype.base_dtype
    if any(t.dtype.base_dtype is not dtype for t in tensors):
        # Mixed dtypes: TF falls back to the Pack op, which reports the mismatch.
        return apply_op("Pack", [list(values)], name=name, attrs={"axis": 0})
    with ops.name_scope(name) as scope:
        elems = [v if isinstance(v, Tensor) else constant_op.constant(v, dtype=dtype, name=str(i))
                 for i, v in enumerate(values)]
        return apply_op("Pack", [elems], name=scope, attrs={"axis": 0})


def _static_or_tensor(tensor: Tensor):
    """The folded value of ``tensor`` when it is a graph constant, else the tensor itself."""
    value = tensor_util.constant_value(tensor)
    return tensor if value is None else value


# ---- Slice -----------------------------------------------------------------------------------

def _slice_shape(op):
    x, begin_t, size_t = op.inputs
    dtype = x.dtype.base_dtype
    _with_rank(begin_t.shape, 1)
    _with_rank(size_t.shape, 1)
    n = _merge_lengths(_vector_length(begin_t.shape), _vector_length(size_t.shape))
    if n is not None:
        _with_rank(x.shape, n)
    begin = _shape_tensor_dims(begin_t)
    sizes = tensor_util.constant_value(size_t)
    in_dims = _dims(x.shape)
    if sizes is not None:
        sizes = _ints(sizes)
        out = []
        for i, s in enumerate(sizes):
            if s >= 0:
                out.append(s)
                continue
            if s < -1:
                raise ValueError(f"Invalid value in tensor used for shape: {s}")
            dim = None if in_dims is None else in_dims[i]
            start = None if begin is None else begin[i]
            if dim is None or start is None:
                out.append(None)
            elif dim - start < 0:
                raise ShapeError(f"Negative dimension size caused by subtracting {start} from "
                                 f"{dim}")
            else:
                out.append(dim - start)
        return [(dtype, _SHAPE(tuple(out)))]
    size_dims = _shape_tensor_dims(size_t)
    if size_dims is not None:
        return [(dtype, TensorShape(size_dims))]
    return [(dtype, unknown_shape(x.shape.ndims))]


def _slice_kernel(x, begin, size):
    x = np.asarray(x)
    begin, size = np.asarray(begin), np.asarray(size)
    if begin.ndim != 1 or size.ndim != 1 or begin.size != x.ndim or size.size != x.ndim:
        raise _invalid(f"Expected begin and size arguments to be 1-D tensors of size {x.ndim}, "
                       f"but got shapes {_shape_str(begin.shape)} and "
                       f"{_shape_str(size.shape)} instead.")
    index = []
    for i, (b, s, dim) in enumerate(zip(_ints(begin), _ints(size), x.shape)):
        if s == -1:
            s = dim - b
        if dim == 0:
            if b != 0 or s != 0:
                raise _invalid(f"Expected begin[{i}] == 0 (got {b}) and size[{i}] == 0 (got {s})"
                               f" when input.dim_size({i}) == 0")
        else:
            if not 0 <= b <= dim:
                raise _invalid(f"Expected begin[{i}] in [0, {dim}], but got {b}")
            if not (0 <= s and b + s <= dim):
                raise _invalid(f"Expected size[{i}] in [0, {dim - b}], but got {s}")
        index.append(np.s_[b:b + s])
    return np.array(x[tuple(index)])


register_op("Slice", inputs=("input: T", "begin: Index", "size: Index"), kernel=_slice_kernel,
            shape_fn=_slice_shape, allowed={"Index": INDEX_TYPES})


@RegisterGradient("Slice")
def _slice_grad(op, grad):
    """Pads the gradient with zeros back to the input's shape."""
    x, begin = op.inputs[0], op.inputs[1]
    index_dtype = begin.dtype.base_dtype
    input_rank = array_ops.rank(x)
    slice_size = array_ops.shape(op.outputs[0], out_type=index_dtype)
    pad_shape = _stack([input_rank, 1])
    before = array_ops.reshape(begin, pad_shape)
    after = array_ops.reshape(array_ops.shape(x, out_type=index_dtype) - slice_size - begin,
                              pad_shape)
    paddings = array_ops.concat([before, after], 1)
    return pad(grad, paddings), None, None


def slice(input_, begin, size, name=None) -> Tensor:  # noqa: A001 - TF's name
    """Extracts a slice of ``size`` starting at ``begin`` (``tf.slice``); size -1 = the rest."""
    return apply_op("Slice", [input_, begin, size], name=name)


# ---- StridedSlice: the slice-spec arithmetic shared by shape inference and kernels ----------

_NEW_AXIS = -1
_SHRINK_AXIS = -2


class _SpecError(Exception):
    """An invalid strided-slice spec; shape functions and kernels re-raise it in their type."""


@dataclass
class _DenseDim:
    begin: int | None
    end: int | None
    stride: int
    begin_masked: bool
    end_masked: bool
    shrink: bool


@dataclass
class _Canonical:
    final_shape: list  # output dims, None where unknown
    index: tuple  # a numpy basic index over the input's dims (valid when all dims are known)


def _dense_spec(rank: int, begin, end, strides, masks: dict) -> tuple[list, list]:
    """Expands the ellipsis so there is one entry per input dim (TF's BuildDenseSpec).

    Returns the dense per-dim entries and, per output dim, where its size comes from: an input
    dim index, _NEW_AXIS or _SHRINK_AXIS.
    """
    ellipsis = masks["ellipsis_mask"]
    new_axis = masks["new_axis_mask"]
    if ellipsis & (ellipsis - 1):
        raise _SpecError("Multiple ellipses in slice spec not allowed")
    n = len(strides)
    added_after_ellipsis = 0
    seen = False
    for i in range(n):
        if seen and new_axis >> i & 1:
            added_after_ellipsis += 1
        if ellipsis >> i & 1:
            seen = True
    sparse_dims = n
    if not seen:
        ellipsis |= 1 << n
        sparse_dims += 1
    dense: list[_DenseDim | None] = [None] * rank
    gather: list[int] = []
    full = 0
    for i in range(sparse_dims):
        bit = 1 << i
        if ellipsis & bit:
            stop = min(rank - (sparse_dims - i) + 1 + added_after_ellipsis, rank)
            while full < stop:
                dense[full] = _DenseDim(0, 0, 1, True, True, False)
                gather.append(full)
                full += 1
        elif new_axis & bit:
            gather.append(_NEW_AXIS)
        else:
            if rank == 0:
                raise _SpecError("Attempting to slice scalar input.")
            if full == rank:
                raise _SpecError(f"Index out of range using input dim {full}; input has only "
                                 f"{rank} dims")
            shrink = bool(masks["shrink_axis_mask"] & bit)
            dense[full] = _DenseDim(None if begin is None else int(begin[i]),
                                    None if end is None else int(end[i]), int(strides[i]),
                                    bool(masks["begin_mask"] & bit),
                                    bool(masks["end_mask"] & bit), shrink)
            gather.append(_SHRINK_AXIS if shrink else full)
            full += 1
    return dense, gather


def _canonical_bound(x: int, dim: int, d: _DenseDim, is_end: bool) -> int:
    lo, hi = (0, dim) if d.stride > 0 else (-1, dim - 1)
    if d.end_masked if is_end else d.begin_masked:
        if d.stride > 0:
            return hi if is_end else lo
        return lo if is_end else hi
    x = x + dim if x < 0 else x
    return min(max(x, lo), hi)


def _canonicalize(dims: list, begin, end, strides, masks: dict) -> _Canonical:
    """TF's ValidateStridedSliceOp: the output shape and the numpy index of a strided slice.

    ``dims`` may hold None (unknown); ``begin``/``end`` may be None (value unknown), in which
    case only what the masks determine is known.
    """
    dense, gather = _dense_spec(len(dims), begin, end, strides, masks)
    known_bounds = begin is not None and end is not None
    processing: list = []
    index: list = []
    for i, (d, dim) in enumerate(zip(dense, dims)):
        if d.stride == 0:
            raise _SpecError(f"strides[{i}] must be non-zero")
        if dim is None:
            processing.append(1 if d.shrink else None)
            index.append(None)
            continue
        if d.shrink and d.stride <= 0:
            raise _SpecError("only stride 1 allowed on non-range indexing.")
        b = e = None
        if known_bounds:
            if d.shrink:
                b = d.begin + dim if d.begin < 0 else d.begin
                if b < 0 or b >= dim:
                    raise _SpecError(f"slice index {b} of dimension {i} out of bounds.")
                e = b + 1
            else:
                b = _canonical_bound(d.begin, dim, d, False)
                e = _canonical_bound(d.end, dim, d, True)
            length = e - b
        elif d.shrink:
            length = 1
        elif d.begin_masked and d.end_masked:
            length = -dim if d.stride < 0 else dim
        else:
            processing.append(None)
            index.append(None)
            continue
        if length == 0 or (length < 0) != (d.stride < 0):
            size = 0
        else:
            size = -(-abs(length) // abs(d.stride))
        processing.append(size)
        if b is None:
            index.append(None)
        elif d.shrink:
            index.append(b)
        elif size == 0:
            index.append(np.s_[0:0])
        else:
            index.append(np.s_[b:(e if e >= 0 else None):d.stride])
    final = []
    for g in gather:
        if g >= 0:
            final.append(processing[g])
        elif g == _NEW_AXIS:
            final.append(1)
    return _Canonical(final, tuple(index))


_MASK_ATTRS = ("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask")


def _masks(op) -> dict:
    return {k: op._attrs[k] for k in _MASK_ATTRS}


def _strided_slice_shape(op):
    x, begin_t, end_t, strides_t = op.inputs
    dtype = x.dtype.base_dtype
    for t in (begin_t, end_t, strides_t):
        _with_rank(t.shape, 1)
    n = _merge_lengths(_vector_length(begin_t.shape), _vector_length(end_t.shape))
    n = _merge_lengths(n, _vector_length(strides_t.shape))
    strides = tensor_util.constant_value(strides_t)
    if x.shape.ndims is None or n is None or strides is None:
        return [(dtype, unknown_shape())]
    begin = tensor_util.constant_value(begin_t)
    end = tensor_util.constant_value(end_t)
    dims, strides, masks = _dims(x.shape), _ints(strides), _masks(op)
    try:
        # TF infers shapes first knowing only the strides, then with begin and end as well;
        # errors found without the bounds (bad strides) are reported first.
        spec = _canonicalize(dims, None, None, strides, masks)
        if begin is not None and end is not None:
            spec = _canonicalize(dims, _ints(begin), _ints(end), strides, masks)
    except _SpecError as e:
        raise ShapeError(str(e)) from None
    return [(dtype, TensorShape(spec.final_shape))]


def _check_spec_vectors(begin, end, strides) -> None:
    shapes = [np.shape(begin), np.shape(end), np.shape(strides)]
    if any(len(s) != 1 for s in shapes) or len({s[0] for s in shapes}) != 1:
        raise _invalid(f"Expected begin, end, and strides to be 1D equal size tensors, but got "
                       f"shapes {_shape_str(shapes[0])}, {_shape_str(shapes[1])}, and "
                       f"{_shape_str(shapes[2])} instead.")


def _runtime_spec(shape, begin, end, strides, masks) -> _Canonical:
    _check_spec_vectors(begin, end, strides)
    try:
        return _canonicalize(list(shape), _ints(begin), _ints(end), _ints(strides), masks)
    except _SpecError as e:
        raise _invalid(str(e)) from None


def _bind_strided_slice(op, state):
    masks = _masks(op)

    def kernel(x, begin, end, strides):
        x = np.asarray(x)
        spec = _runtime_spec(x.shape, begin, end, strides, masks)
        return np.array(x[spec.index]).reshape(spec.final_shape)
    return kernel


register_op("StridedSlice", inputs=("input: T", "begin: Index", "end: Index", "strides: Index"),
            bind=_bind_strided_slice, shape_fn=_strided_slice_shape,
            allowed={"Index": _STRIDED_INDEX_TYPES}, attr_defaults=dict.fromkeys(_MASK_ATTRS, 0))


def _strided_slice_grad_shape(op):
    shape_t, begin_t, end_t, strides_t, dy = op.inputs
    _with_rank(shape_t.shape, 1)
    dims = _shape_tensor_dims(shape_t)
    return [(dy.dtype.base_dtype, unknown_shape() if dims is None else TensorShape(dims))]


def _bind_strided_slice_grad(op, state):
    masks = _masks(op)

    def kernel(shape, begin, end, strides, dy):
        dy = np.asarray(dy)
        shape = _ints(shape)
        spec = _runtime_spec(shape, begin, end, strides, masks)
        if list(dy.shape) != spec.final_shape:
            raise _invalid(f"shape of dy was {_shape_str(dy.shape)} instead of "
                           f"{_shape_str(spec.final_shape)}")
        out = np.zeros(shape, dtype=dy.dtype)
        out[spec.index] = dy.reshape(out[spec.index].shape)
        return out
    return kernel


register_op("StridedSliceGrad",
            inputs=("shape: Index", "begin: Index", "end: Index", "strides: Index", "dy: T"),
            bind=_bind_strided_slice_grad, shape_fn=_strided_slice_grad_shape,
            allowed={"Index": INDEX_TYPES}, attr_defaults=dict.fromkeys(_MASK_ATTRS, 0))


@RegisterGradient("StridedSlice")
def _strided_slice_grad(op, grad):
    """Scatters the gradient back into zeros of the input's shape (StridedSliceGrad)."""
    begin, end, strides = op.inputs[1:]
    x_shape = array_ops.shape(op.inputs[0], out_type=begin.dtype.base_dtype)
    # Like TF, pass the slice spec as fresh constants when it is static.
    args = [_static_or_tensor(t) for t in (x_shape, begin, end, strides)]
    return (strided_slice_grad(*args, grad, **_masks(op)), None, None, None)


@RegisterGradient("StridedSliceGrad")
def _strided_slice_grad_grad(op, grad):
    begin, end, strides = op.inputs[1:4]
    return None, None, None, None, strided_slice(grad, begin, end, strides, **_masks(op))


def strided_slice_grad(shape, begin, end, strides, dy, begin_mask=0, end_mask=0,
                       ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0,
                       name=None) -> Tensor:
    """The gradient of StridedSlice: ``dy`` placed into zeros of ``shape``."""
    return apply_op("StridedSliceGrad", [shape, begin, end, strides, dy], name=name,
                    attrs={"begin_mask": begin_mask, "end_mask": end_mask,
                           "ellipsis_mask": ellipsis_mask, "new_axis_mask": new_axis_mask,
                           "shrink_axis_mask": shrink_axis_mask})


def strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0, var=None, name=None) -> Tensor:
    """Extracts a strided slice of a tensor (``tf.strided_slice``), numpy-style masks included.

    ``var`` is accepted for API compatibility (TF uses it to offer ``.assign`` on slices of
    variables); tfcompat does not attach that method.
    """
    del var
    if strides is None:
        # TF builds the default strides as ones_like(begin) outside the op's scope.
        with ops.name_scope(None, "ones_like", [begin]) as scope:
            begin_t = convert_to_tensor(begin, name="tensor")
            strides = array_ops.ones_like(begin_t, name=scope)
    return apply_op("StridedSlice", [input_, begin, end, strides], name=name,
                    attrs={"begin_mask": begin_mask, "end_mask": end_mask,
                           "ellipsis_mask": ellipsis_mask, "new_axis_mask": new_axis_mask,
                           "shrink_axis_mask": shrink_axis_mask})


# ---- Tensor.__getitem__ ----------------------------------------------------------------------

_SLICE_TYPE_ERROR = ("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and "
                     "scalar tf.int32/tf.int64 tensors are valid indices")
_SUPPORTED_SLICE_DTYPES = (dtypes.int16, dtypes.int32, dtypes.int64)


def _check_index(idx) -> None:
    if isinstance(idx, (numbers.Integral, Dimension)):
        return
    dtype = getattr(idx, "dtype", None)
    shape = getattr(idx, "shape", None)
    if dtype is None or _base_dtype(dtype) not in _SUPPORTED_SLICE_DTYPES or (
            shape and len(shape) == 1):
        raise TypeError(f"{_SLICE_TYPE_ERROR}, got {idx!r}")


def _base_dtype(dtype):
    try:
        return dtypes.as_dtype(dtype).base_dtype
    except TypeError:
        return None


def _is_undefined(value) -> bool:
    return value is None or (isinstance(value, Dimension) and value.value is None)


def _as_index(value):
    """Python/numpy integers become Python ints (so they make int32 Consts); Tensors stay."""
    try:
        return operator.index(value)
    except TypeError:
        _check_index(value)
        return value


def _slice_parts(s: _PySlice) -> list:
    """start/stop/step of a slice with missing parts filled in (0, 0, 1).

    When one part is a Tensor, the fillers are Consts of its dtype (int64 if any part is int64),
    created in the current scope as TF does, so that all three pack to one index dtype.
    """
    parts = [s.start, s.stop, s.step]
    tensors = [p for p in parts if isinstance(p, Tensor)]
    dtype = None
    if tensors:
        dtype = (dtypes.int64 if any(t.dtype.base_dtype is dtypes.int64 for t in tensors)
                 else tensors[0].dtype.base_dtype)
    filled = []
    for part, default in zip(parts, (0, 0, 1)):
        if not _is_undefined(part):
            filled.append(_as_index(part))
        elif dtype is None:
            filled.append(default)
        else:
            filled.append(constant_op.constant(default, dtype=dtype))
    return filled


def slice_helper(tensor, slice_spec, var=None) -> Tensor:
    """``tensor[slice_spec]``: ints, slices (negative steps too), ``tf.newaxis``, ``...``, scalar
    int Tensors, and boolean masks, lowered to StridedSlice (or boolean_mask) as TF does."""
    if isinstance(slice_spec, bool) or (
            isinstance(slice_spec, Tensor) and slice_spec.dtype.base_dtype is dtypes.bool_) or (
            isinstance(slice_spec, np.ndarray) and slice_spec.dtype == bool):
        return boolean_mask(tensor=tensor, mask=slice_spec)
    if not isinstance(slice_spec, (list, tuple)):
        slice_spec = [slice_spec]
    begin, end, strides = [], [], []
    masks = dict.fromkeys(_MASK_ATTRS, 0)
    for index, s in enumerate(slice_spec):
        bit = 1 << index
        if isinstance(s, _PySlice):
            start, stop, step = _slice_parts(s)
            begin.append(start)
            end.append(stop)
            strides.append(step)
            if _is_undefined(s.start):
                masks["begin_mask"] |= bit
            if _is_undefined(s.stop):
                masks["end_mask"] |= bit
        elif s is Ellipsis:
            begin.append(0)
            end.append(0)
            strides.append(1)
            masks["ellipsis_mask"] |= bit
        elif s is None:
            begin.append(0)
            end.append(0)
            strides.append(1)
            masks["new_axis_mask"] |= bit
        else:
            s = _as_index(s)
            begin.append(s)
            end.append(s + 1)
            if isinstance(s, Tensor) and s.dtype.base_dtype is not dtypes.int32:
                strides.append(constant_op.constant(1, dtype=s.dtype.base_dtype))
            else:
                strides.append(1)
            masks["shrink_axis_mask"] |= bit
    with ops.name_scope(None, "strided_slice", [tensor] + begin + end + strides) as name:
        if begin:
            packed = [_stack(begin), _stack(end), _stack(strides)]
            if any(p.dtype.base_dtype is dtypes.int64 for p in packed):
                packed = [math_ops.cast(p, dtypes.int64) for p in packed]
        else:
            empty = constant_op.constant([], dtype=dtypes.int32)
            packed = [empty, empty, empty]
        return strided_slice(tensor, *packed, var=var, name=name, **masks)


def boolean_mask(tensor, mask, name="boolean_mask", axis=None) -> Tensor:
    """Keeps the entries of ``tensor`` where ``mask`` is True (``tf.boolean_mask``).

    The mask covers dims ``axis .. axis + rank(mask) - 1``, which collapse into one dim.
    """
    with ops.name_scope(name, values=[tensor, mask]):
        tensor = convert_to_tensor(tensor, name="tensor")
        mask = convert_to_tensor(mask, name="mask")
        ndims_mask = mask.shape.ndims
        if ndims_mask == 0:
            raise ValueError("mask cannot be scalar.")
        if ndims_mask is None:
            raise ValueError("Number of mask dimensions must be specified, even if some "
                             "dimensions are None.  E.g. shape=[None] is ok, but shape=None is "
                             "not.")
        axis = 0 if axis is None else axis
        axis_value = tensor_util.constant_value(axis) if isinstance(axis, Tensor) else axis
        static = tensor.shape
        if axis_value is not None:
            axis = int(axis_value)
            if static.ndims is not None:
                covered = TensorShape(static.as_tuple()[axis:axis + ndims_mask])
                covered.assert_is_compatible_with(mask.shape)
        leading_size = math_ops.reduce_prod(
            array_ops.shape(tensor)[axis:axis + ndims_mask], [0])
        tensor = array_ops.reshape(tensor, array_ops.concat(
            [array_ops.shape(tensor)[:axis], [leading_size],
             array_ops.shape(tensor)[axis + ndims_mask:]], 0))
        if isinstance(axis, int) and static.ndims is not None:
            dims = static.as_tuple()
            first = TensorShape(dims[axis:axis + ndims_mask]).num_elements()
            tensor.set_shape(dims[:axis] + (first,) + dims[axis + ndims_mask:])
        mask = array_ops.reshape(mask, [-1])
        indices = array_ops.squeeze(math_ops.where(mask), axis=[1])
        return gather(tensor, indices, axis=axis)


# ---- Tile ------------------------------------------------------------------------------------

def _tile_shape(op):
    x, multiples_t = op.inputs
    dtype = x.dtype.base_dtype
    _with_rank(multiples_t.shape, 1)
    if x.shape.ndims is not None:
        n = _vector_length(multiples_t.shape)
        if n is not None and n != x.shape.ndims:
            raise ShapeError(f"Shape must be rank {x.shape.ndims} but is rank {n}")
    multiples = _shape_tensor_dims(multiples_t)
    if multiples is None:
        return [(dtype, unknown_shape(x.shape.ndims))]
    if x.shape.ndims is not None and len(multiples) != x.shape.ndims:
        raise ShapeError(f"Shape must be rank {x.shape.ndims} but is rank {len(multiples)}")
    in_dims = _dims(x.shape) or [None] * len(multiples)
    out = []
    for d, m in zip(in_dims, multiples):
        if d == 0 or m == 0:
            out.append(0)
        elif d is None or m is None:
            out.append(None)
        else:
            out.append(d * m)
    return [(dtype, _SHAPE(tuple(out)))]


def _tile_kernel(x, multiples):
    x = np.asarray(x)
    multiples = np.asarray(multiples)
    if multiples.ndim != 1 or multiples.size != x.ndim:
        raise _invalid(f"Expected multiples argument to be a vector of length {x.ndim} but got "
                       f"length {multiples.size}")
    reps = _ints(multiples)
    for i, m in enumerate(reps):
        if m < 0:
            raise _invalid(f"Expected multiples[{i}] >= 0, but got {m}")
    return np.tile(x, reps).reshape([d * m for d, m in zip(x.shape, reps)])


register_op("Tile", inputs=("input: T", "multiples: Tmultiples"), kernel=_tile_kernel,
            shape_fn=_tile_shape, allowed={"Tmultiples": INDEX_TYPES},
            type_defaults={"Tmultiples": dtypes.int32})


@RegisterGradient("Tile")
def _tile_grad(op, grad):
    """Sums the tiled copies: reshape to interleaved (multiple, dim) pairs, reduce the firsts."""
    x, multiples = op.inputs
    input_shape = array_ops.shape(x, out_type=multiples.dtype.base_dtype)
    split_shape = array_ops.reshape(array_ops.transpose(_stack([multiples, input_shape])), [-1])
    axes = math_ops.range(0, array_ops.size(split_shape), 2)
    input_grad = math_ops.reduce_sum(array_ops.reshape(grad, split_shape), axes)
    input_grad.set_shape(x.shape)
    return input_grad, None


def tile(input, multiples, name=None) -> Tensor:  # noqa: A002 - TF's name
    """Repeats ``input`` ``multiples[i]`` times along dim i (``tf.tile``)."""
    return apply_op("Tile", [input, multiples], name=name)


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
    return _outputs([np.array(np.take(x, i, axis=axis)) for i in range(num)])


register_op("Unpack", inputs=("value: T",), kernel=_unpack_kernel, kernel_attrs=("num", "axis"),
            shape_fn=_unpack_shape, attr_defaults={"axis": 0})


@RegisterGradient("Unpack")
def _unpack_grad(op, *grads):
    return array_ops.stack(list(grads), axis=op._attrs["axis"])


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
    if not -x.ndim <= axis < x.ndim:
        raise _invalid(f"-input rank(-{x.ndim}) <= split_dim < input rank ({x.ndim}), but got "
                       f"{axis}")
    return axis % x.ndim


def _split_kernel(axis, x, num_split):
    x = np.asarray(x)
    axis = _check_split_dim(x, axis)
    if x.shape[axis] % num_split:
        raise _invalid(f"Number of ways to split should evenly divide the split dimension, but "
                       f"got split_dim {axis} (size = {x.shape[axis]}) and num_split "
                       f"{num_split}")
    return _outputs([np.array(p) for p in np.split(x, num_split, axis=axis)])


register_op("Split", inputs=("split_dim: int32", "value: T"), kernel=_split_kernel,
            kernel_attrs=("num_split",), shape_fn=_split_shape)


@RegisterGradient("Split")
def _split_grad(op, *grads):
    return None, array_ops.concat(list(grads), op.inputs[0])


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
    bounds = np.cumsum(sizes)[:-1]
    return _outputs([np.array(p) for p in np.split(x, bounds, axis=axis)])


register_op("SplitV", inputs=("value: T", "size_splits: Tlen", "split_dim: int32"),
            kernel=_split_v_kernel, kernel_attrs=("num_split",), shape_fn=_split_v_shape,
            allowed={"Tlen": _SPLIT_LEN_TYPES}, type_defaults={"Tlen": dtypes.int64})


@RegisterGradient("SplitV")
def _split_v_grad(op, *grads):
    return array_ops.concat(list(grads), op.inputs[2]), None, None


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


# ---- GatherV2 and UnsortedSegmentSum ---------------------------------------------------------

def _gather_shape(op):
    params, indices, axis_t = op.inputs
    batch_dims = op._attrs["batch_dims"]
    dtype = params.dtype.base_dtype
    _with_rank_at_least(params.shape, 1)
    _with_rank(axis_t.shape, 0)
    p_rank, i_rank = params.shape.ndims, indices.shape.ndims
    axis = tensor_util.constant_value(axis_t)
    if axis is None:
        if p_rank is not None and i_rank is not None:
            return [(dtype, unknown_shape(p_rank + i_rank - 1 - batch_dims))]
        return [(dtype, unknown_shape())]
    axis = int(axis)
    _with_rank_at_least(params.shape, -axis if axis < 0 else axis + 1)
    _with_rank_at_least(indices.shape, abs(batch_dims))
    if p_rank is None or i_rank is None:
        return [(dtype, unknown_shape())]
    if batch_dims < 0:
        batch_dims += i_rank
    _with_rank_at_least(params.shape, batch_dims + 1)
    axis %= p_rank
    p_dims, i_dims = params.shape.as_tuple(), indices.shape.as_tuple()
    return [(dtype, _SHAPE(p_dims[:axis] + i_dims[batch_dims:] + p_dims[axis + 1:]))]


def _gather_kernel(params, indices, axis, batch_dims):
    params, indices = np.asarray(params), np.asarray(indices)
    axis = int(axis)
    rank = params.ndim
    if not -rank <= axis < rank:
        raise _invalid(f"Shape must be at least rank {-axis if axis < 0 else axis + 1} but is "
                       f"rank {rank}")
    axis %= rank
    if batch_dims < 0:
        batch_dims += indices.ndim
    for i in range(batch_dims):
        if params.shape[i] != indices.shape[i]:
            raise _invalid(f"params.shape[{i}]: {params.shape[i]} should be equal to "
                           f"indices.shape[{i}]: {indices.shape[i]}")
    limit = params.shape[axis]
    bad = (indices < 0) | (indices >= limit)
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        label = "indices" if indices.ndim == 0 else f"indices[{','.join(map(str, where))}]"
        raise _invalid(f"{label} = {indices[where]} is not in [0, {limit})")
    if batch_dims == 0:
        return np.take(params, indices, axis=axis)
    out_shape = (params.shape[:axis] + indices.shape[batch_dims:] + params.shape[axis + 1:])
    batch = int(np.prod(params.shape[:batch_dims], dtype=np.int64))
    flat_params = params.reshape((batch,) + params.shape[batch_dims:])
    flat_indices = indices.reshape((batch,) + indices.shape[batch_dims:])
    pieces = [np.take(p, i, axis=axis - batch_dims) for p, i in zip(flat_params, flat_indices)]
    if not pieces:
        return np.zeros(out_shape, params.dtype)
    return np.stack(pieces).reshape(out_shape)


register_op("GatherV2", inputs=("params: Tparams", "indices: Tindices", "axis: Taxis"),
            kernel=_gather_kernel, kernel_attrs=("batch_dims",), shape_fn=_gather_shape,
            allowed={"Tindices": _GATHER_INDEX_TYPES, "Taxis": INDEX_TYPES},
            attr_defaults={"batch_dims": 0})


def _index_list(*parts) -> list | Tensor:
    """Concatenates int lists, ints and int32 Tensors into a permutation: a plain list when all
    parts are static, else a ConcatV2."""
    parts = [[p] if isinstance(p, int) else p for p in parts]
    if all(isinstance(p, list) for p in parts):
        return [i for p in parts for i in p]
    return array_ops.concat(
        [array_ops.reshape(p, [-1]) if isinstance(p, Tensor) else
         constant_op.constant(p, dtype=dtypes.int32) for p in parts], 0)


def _range_part(start, limit) -> list | Tensor:
    if isinstance(start, int) and isinstance(limit, int):
        return list(range(start, limit))
    return math_ops.range(start, limit)


def _gather_grad_general(params_shape: Tensor, indices: Tensor, grad: Tensor, axis,
                         batch_dims: int, params_rank) -> Tensor:
    """Dense gather gradient for any axis (int, or int32 Tensor) and batch_dims.

    The gathered dim is moved next to the batch dims, batches are folded into the segment ids
    (each batch gets its own block of ``params_shape[axis]`` segments), UnsortedSegmentSum adds
    the contributions, and the result is moved back.
    """
    b = batch_dims
    outer, inner = params_shape[:axis], params_shape[axis + 1:]
    values = array_ops.reshape(grad, array_ops.concat([outer, [-1], inner], 0))
    to_front = _index_list(_range_part(0, b), axis, _range_part(b, axis),
                           _range_part(axis + 1, params_rank))
    values = array_ops.transpose(values, to_front)
    axis_size = params_shape[axis]
    if b:
        batch = math_ops.reduce_prod(params_shape[:b])
        values = array_ops.reshape(values, array_ops.concat(
            [[-1], params_shape[b:axis], inner], 0))
        offsets = math_ops.cast(math_ops.range(0, batch) * axis_size, indices.dtype.base_dtype)
        ids = (array_ops.reshape(indices, _stack([batch, -1]))
               + array_ops.reshape(offsets, [-1, 1]))
        summed = unsorted_segment_sum(values, array_ops.reshape(ids, [-1]), batch * axis_size)
        summed = array_ops.reshape(summed, array_ops.concat(
            [params_shape[:b], _stack([axis_size]), params_shape[b:axis], inner], 0))
    else:
        summed = unsorted_segment_sum(values, array_ops.reshape(indices, [-1]), axis_size)
    back = _index_list(_range_part(0, b), _range_part(b + 1, axis + 1), b,
                       _range_part(axis + 1, params_rank))
    return array_ops.transpose(summed, back)


@RegisterGradient("GatherV2")
def _gather_v2_grad(op, grad):
    """The gathered rows' gradient: an IndexedSlices for axis-0 gathers (densified by
    UnsortedSegmentSum when a consumer needs a Tensor), a dense scatter otherwise."""
    params, indices, axis_t = op.inputs
    params_shape = array_ops.shape(params)
    batch_dims = op._attrs["batch_dims"]
    if batch_dims < 0:
        batch_dims += indices.shape.ndims
    axis_static = tensor_util.constant_value(axis_t)
    if axis_static is not None and int(axis_static) == 0 and batch_dims == 0:
        indices_size = array_ops.expand_dims(array_ops.size(indices), 0)
        values_shape = array_ops.concat([indices_size, params_shape[1:]], 0)
        values = array_ops.reshape(grad, values_shape)
        flat_indices = array_ops.reshape(indices, indices_size)
        return IndexedSlices(values, flat_indices, params_shape), None, None
    if axis_static is not None and params.shape.ndims is not None:
        axis = int(axis_static) % params.shape.ndims
        params_rank = params.shape.ndims
    else:
        params_rank = array_ops.rank(params)
        axis = math_ops.floormod(math_ops.cast(axis_t, dtypes.int32), params_rank)
    return (_gather_grad_general(params_shape, indices, grad, axis, batch_dims, params_rank),
            None, None)


def gather(params, indices, validate_indices=None, name=None, axis=None,
           batch_dims=0) -> Tensor:
    """Gathers slices of ``params`` along ``axis`` at ``indices`` (``tf.gather``)."""
    del validate_indices  # TF ignores it as well
    if axis is None:
        axis = batch_dims
    axis_value = tensor_util.constant_value(axis) if isinstance(axis, Tensor) else axis
    if axis_value is None or np.asarray(axis_value) != 0:
        return apply_op("GatherV2", [params, indices, axis], name=name,
                        attrs={"batch_dims": int(batch_dims)})
    # TF drops batch_dims when the axis is 0.
    return apply_op("GatherV2", [params, indices, axis], name=name, attrs={"batch_dims": 0})


def _unsorted_segment_sum_shape(op):
    data, ids, num_t = op.inputs
    dtype = data.dtype.base_dtype
    _with_rank(num_t.shape, 0)
    if ids.shape.ndims is None:
        return [(dtype, unknown_shape())]
    k = ids.shape.ndims
    _with_rank_at_least(data.shape, k)
    if data.shape.ndims is not None:
        for a, b in zip(data.shape.as_tuple()[:k], ids.shape.as_tuple()):
            if a is not None and b is not None and a != b:
                raise ShapeError(f"Dimensions must be equal, but are {a} and {b}")
    num = tensor_util.constant_value(num_t)
    if num is not None and int(num) < 0:
        raise ShapeError(f"Dimension size, given by scalar input 2, must be non-negative but is "
                         f"{int(num)}")
    head = _SHAPE((None if num is None else int(num),))
    if data.shape.ndims is None:
        return [(dtype, head.concatenate(unknown_shape()))]
    return [(dtype, head.concatenate(_SHAPE(data.shape.as_tuple()[k:])))]


def _unsorted_segment_sum_kernel(data, ids, num_segments):
    data, ids = np.asarray(data), np.asarray(ids)
    num = int(num_segments)
    if num < 0:
        raise _invalid(f"Input num_segments == {num} must not be negative.")
    if data.shape[:ids.ndim] != ids.shape:
        raise _invalid(f"data.shape = {_shape_str(data.shape)} does not start with "
                       f"segment_ids.shape = {_shape_str(ids.shape)}")
    flat_ids = ids.reshape(-1)
    too_big = np.flatnonzero(flat_ids >= num)
    if too_big.size:
        i = int(too_big[0])
        raise _invalid(f"segment_ids[{i}] = {flat_ids[i]} is out of range [0, {num})")
    rows = data.reshape((flat_ids.size,) + data.shape[ids.ndim:])
    out = np.zeros((num,) + data.shape[ids.ndim:], dtype=data.dtype)
    keep = flat_ids >= 0  # negative ids are dropped
    np.add.at(out, flat_ids[keep], rows[keep])
    return out


register_op("UnsortedSegmentSum",
            inputs=("data: T", "segment_ids: Tindices", "num_segments: Tnumsegments"),
            kernel=_unsorted_segment_sum_kernel, shape_fn=_unsorted_segment_sum_shape,
            allowed={"Tindices": _GATHER_INDEX_TYPES, "Tnumsegments": INDEX_TYPES},
            type_defaults={"Tnumsegments": dtypes.int32})


@RegisterGradient("UnsortedSegmentSum")
def _unsorted_segment_sum_grad(op, grad):
    """Gathers the gradient at each segment id; rows with negative ids (dropped) get zeros."""
    ids = op.inputs[1]
    clipped = math_ops.maximum(ids, array_ops.zeros_like(ids))
    gathered = gather(grad, clipped)
    kept = math_ops.greater_equal(ids, 0)
    extra = array_ops.rank(gathered) - array_ops.rank(kept)
    kept = array_ops.reshape(kept, array_ops.concat(
        [array_ops.shape(kept), array_ops.ones(_stack([extra]), dtype=dtypes.int32)], 0))
    return array_ops.select_v2(kept, gathered, array_ops.zeros_like(gathered)), None, None


def unsorted_segment_sum(data, segment_ids, num_segments, name=None) -> Tensor:
    """Sums the rows of ``data`` that share a segment id (``tf.math.unsorted_segment_sum``)."""
    return apply_op("UnsortedSegmentSum", [data, segment_ids, num_segments], name=name)


# ---- Pad, PadV2, MirrorPad -------------------------------------------------------------------

def _paddings_dims(op, combine) -> list[tuple]:
    """Shape inference shared by the pad ops: ``combine(dim, before, after)`` per dim."""
    x, paddings_t = op.inputs[0], op.inputs[1]
    dtype = x.dtype.base_dtype
    _with_rank(paddings_t.shape, 2)
    p_dims = paddings_t.shape.as_tuple() if paddings_t.shape.ndims is not None else (None, None)
    if p_dims[1] is not None and p_dims[1] != 2:
        raise ShapeError(f"Dimension must be 2 but is {p_dims[1]}")
    n = p_dims[0]
    if n is not None:
        _with_rank(x.shape, n)
    elif x.shape.ndims is not None:
        n = x.shape.ndims
    value = tensor_util.constant_value(paddings_t)
    if value is None:
        return [(dtype, unknown_shape(n))]
    value = np.asarray(value).reshape(-1, 2)
    _with_rank(x.shape, value.shape[0])
    in_dims = _dims(x.shape) or [None] * value.shape[0]
    out = []
    for dim, (before, after) in zip(in_dims, value):
        if before < 0 or after < 0:
            raise ShapeError("Paddings must be non-negative")
        out.append(None if dim is None else combine(dim, int(before), int(after)))
    return [(dtype, _SHAPE(tuple(out)))]


def _pad_shape(op):
    return _paddings_dims(op, lambda dim, before, after: dim + before + after)


def _check_paddings(x: np.ndarray, paddings) -> list[tuple[int, int]]:
    paddings = np.asarray(paddings)
    if paddings.ndim != 2 or paddings.shape[1] != 2:
        raise _invalid(f"paddings must be a matrix with 2 columns: {_shape_str(paddings.shape)}")
    if paddings.shape[0] != x.ndim:
        raise _invalid(f"The first dimension of paddings must be the rank of inputs"
                       f"{_shape_str(paddings.shape)} {_shape_str(x.shape)}")
    pairs = [(int(a), int(b)) for a, b in paddings]
    for a, b in pairs:
        if a < 0 or b < 0:
            raise _invalid(f"Paddings must be non-negative: {a} {b}")
    return pairs


def _pad_kernel(x, paddings):
    x = np.asarray(x)
    pairs = _check_paddings(x, paddings)
    return np.pad(x, pairs) if pairs else np.array(x)


def _pad_v2_kernel(x, paddings, constant_values):
    x = np.asarray(x)
    constant_values = np.asarray(constant_values)
    if constant_values.ndim != 0:
        raise _invalid(f"constant_values must be a scalar. Found: "
                       f"{_shape_str(constant_values.shape)}")
    pairs = _check_paddings(x, paddings)
    return np.pad(x, pairs, constant_values=constant_values) if pairs else np.array(x)


_PAD_ALLOWED = {"Tpaddings": INDEX_TYPES}
register_op("Pad", inputs=("input: T", "paddings: Tpaddings"), kernel=_pad_kernel,
            shape_fn=_pad_shape, allowed=_PAD_ALLOWED, type_defaults={"Tpaddings": dtypes.int32})
register_op("PadV2", inputs=("input: T", "paddings: Tpaddings", "constant_values: T"),
            kernel=_pad_v2_kernel, shape_fn=_pad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32})


def _mirror_pairs(x: np.ndarray, paddings, mode: bytes) -> list[tuple[int, int]]:
    pairs = _check_paddings(x, paddings)
    for dim, (a, b) in zip(x.shape, pairs):
        if mode == b"REFLECT" and (a >= dim or b >= dim):
            raise _invalid(f"paddings must be less than the dimension size: {a}, {b} not less "
                           f"than {dim}")
        if mode == b"SYMMETRIC" and (a > dim or b > dim):
            raise _invalid(f"paddings must be no greater than the dimension size: {a}, {b} "
                           f"greater than {dim}")
    return pairs


def _mirror_pad_kernel(x, paddings, mode):
    x = np.asarray(x)
    pairs = _mirror_pairs(x, paddings, mode)
    return np.pad(x, pairs, mode=mode.decode().lower()) if pairs else np.array(x)


def _mirror_pad_grad_shape(op):
    return _paddings_dims(op, lambda dim, before, after: dim - before - after)


def _mirror_pad_grad_kernel(dy, paddings, mode):
    """Folds each padded border back onto the entries it mirrors, one dim at a time."""
    out = np.asarray(dy)
    pairs = [(int(a), int(b)) for a, b in np.asarray(paddings)]
    for axis, (before, after) in enumerate(pairs):
        size = out.shape[axis] - before - after
        # Which source entry each padded position copies, found by padding the positions.
        source = np.pad(np.arange(size), (before, after), mode=mode.decode().lower())
        moved = np.moveaxis(out, axis, 0)
        folded = np.zeros((size,) + moved.shape[1:], dtype=out.dtype)
        np.add.at(folded, source, moved)
        out = np.moveaxis(folded, 0, axis)
    return np.array(out)


register_op("MirrorPad", inputs=("input: T", "paddings: Tpaddings"), kernel=_mirror_pad_kernel,
            kernel_attrs=("mode",), shape_fn=_pad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32})
register_op("MirrorPadGrad", inputs=("input: T", "paddings: Tpaddings"),
            kernel=_mirror_pad_grad_kernel, kernel_attrs=("mode",),
            shape_fn=_mirror_pad_grad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32})


def _pad_grad(op, grad):
    """Slices the gradient of the un-padded region out of the padded gradient."""
    x, paddings = op.inputs[0], op.inputs[1]
    pad_before = slice(paddings, [0, 0], _stack([array_ops.rank(x), 1]))
    begin = array_ops.reshape(pad_before, [-1])
    sizes = array_ops.shape(x, out_type=begin.dtype.base_dtype)
    x_grad = slice(grad, begin, sizes)
    return (x_grad, None) if len(op.inputs) == 2 else (x_grad, None, None)


RegisterGradient("Pad")(_pad_grad)
RegisterGradient("PadV2")(_pad_grad)


@RegisterGradient("MirrorPad")
def _mirror_pad_grad(op, grad):
    return apply_op("MirrorPadGrad", [grad, op.inputs[1]], attrs={"mode": op._attrs["mode"]}), None


@RegisterGradient("MirrorPadGrad")
def _mirror_pad_grad_grad(op, grad):
    return apply_op("MirrorPad", [grad, op.inputs[1]], attrs={"mode": op._attrs["mode"]}), None


def _paddings_constant(paddings):
    """Per-entry static paddings, None where unknown (TF's _get_paddings_constant)."""
    if isinstance(paddings, Tensor):
        value = tensor_util.constant_value(paddings)
        return None if value is None else np.asarray(value).tolist()
    if isinstance(paddings, (list, tuple)):
        return [_paddings_constant(p) for p in paddings]
    return paddings


def pad(tensor, paddings, mode="CONSTANT", name=None, constant_values=0) -> Tensor:
    """Pads a tensor (``tf.pad``): with ``constant_values`` (Pad/PadV2), or by mirroring the
    borders without (REFLECT) or with (SYMMETRIC) the edge (MirrorPad)."""
    mode = mode.upper()
    if mode == "CONSTANT":
        if (not isinstance(constant_values, Tensor) and np.ndim(constant_values) == 0
                and constant_values == np.zeros_like(constant_values)):
            result = apply_op("Pad", [tensor, paddings], name=name)
        else:
            result = apply_op("PadV2", [tensor, paddings, constant_values], name=name)
    elif mode in ("REFLECT", "SYMMETRIC"):
        result = apply_op("MirrorPad", [tensor, paddings], name=name,
                          attrs={"mode": mode.encode()})
    else:
        raise ValueError('Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", '
                         f'or "SYMMETRIC". Received `mode` = {mode}')
    # Like TF, recover static dims from paddings that are only partly constant.
    constant = _paddings_constant(paddings)
    input_shape = result.op.inputs[0].shape
    if (input_shape.ndims is not None and not result.shape.is_fully_defined()
            and constant is not None):
        dims = []
        for padding, dim in zip(constant, input_shape.as_tuple()):
            if padding is None or dim is None or any(p is None for p in padding):
                dims.append(None)
            else:
                dims.append(sum(padding) + dim)
        result.set_shape(dims)
    return result


# ---- OneHot ----------------------------------------------------------------------------------

def _one_hot_shape(op):
    indices, depth_t, on_value, off_value = op.inputs
    axis = op._attrs["axis"]
    dtype = on_value.dtype.base_dtype
    if axis < -1:
        raise ShapeError("axis must be >= -1")
    _with_rank(depth_t.shape, 0)
    depth = tensor_util.constant_value(depth_t)
    if depth is not None and int(depth) < 0:
        raise ShapeError(f"Dimension size, given by scalar input 1, must be non-negative but is "
                         f"{int(depth)}")
    if indices.shape.ndims is None:
        return [(dtype, unknown_shape())]
    dims = list(indices.shape.as_tuple())
    new_rank = len(dims) + 1
    position = (axis + new_rank) % new_rank
    dims.insert(position, None if depth is None else int(depth))
    return [(dtype, _SHAPE(tuple(dims)))]


def _one_hot_kernel(indices, depth, on_value, off_value, axis):
    indices = np.asarray(indices)
    depth = int(depth)
    if depth < 0:
        raise _invalid(f"depth must be non-negative, got: {depth}")
    for label, v in (("on_value", on_value), ("off_value", off_value)):
        if np.ndim(v) != 0:
            raise _invalid(f"{label} must be a scalar, but got: {_shape_str(np.shape(v))}")
    if not (axis == -1 or 0 <= axis <= indices.ndim):
        raise _invalid(f"Expected axis to be -1 or between [0, {indices.ndim + 1}).  But "
                       f"received: {axis}")
    hot = indices[..., None] == np.arange(depth)
    on_value = np.asarray(on_value)
    out = np.where(hot, on_value, np.asarray(off_value)).astype(on_value.dtype, copy=False)
    return out if axis == -1 else np.moveaxis(out, -1, axis).copy()


register_op("OneHot", inputs=("indices: TI", "depth: int32", "on_value: T", "off_value: T"),
            kernel=_one_hot_kernel, kernel_attrs=("axis",), shape_fn=_one_hot_shape,
            allowed={"TI": _ONE_HOT_INDEX_TYPES}, attr_defaults={"axis": -1})
no_gradient("OneHot")


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None,
            name=None) -> Tensor:
    """A one-hot tensor: ``on_value`` where the index matches, ``off_value`` elsewhere
    (``tf.one_hot``); the new dim of size ``depth`` goes at ``axis`` (last by default)."""
    with ops.name_scope(name, "one_hot", [indices, depth, on_value, off_value, axis]) as scope:
        if dtype is not None:
            dtype = dtypes.as_dtype(dtype)
        on_exists, off_exists = on_value is not None, off_value is not None
        if on_exists:
            on_value = convert_to_tensor(on_value, dtype_hint=dtype)
        if off_exists:
            off_value = convert_to_tensor(off_value, dtype_hint=dtype)
        on_dtype = on_value.dtype.base_dtype if on_exists else None
        off_dtype = off_value.dtype.base_dtype if off_exists else None
        if on_exists or off_exists:
            if dtype is not None:
                if on_exists and on_dtype is not dtype.base_dtype:
                    raise TypeError(f"dtype {on_dtype} of on_value does not match dtype "
                                    f"parameter {dtype}")
                if off_exists and off_dtype is not dtype.base_dtype:
                    raise TypeError(f"dtype {off_dtype} of off_value does not match dtype "
                                    f"parameter {dtype}")
            else:
                dtype = on_dtype if on_exists else off_dtype
        elif dtype is None:
            dtype = dtypes.float32
        if not on_exists:
            on_value = convert_to_tensor(1, dtype, name="on_value")
            on_dtype = dtype
        if not off_exists:
            off_value = convert_to_tensor(0, dtype, name="off_value")
            off_dtype = dtype
        if on_dtype is not off_dtype:
            raise TypeError(f"dtype {on_dtype} of on_value does not match dtype {off_dtype} of "
                            "off_value")
        return apply_op("OneHot", [indices, depth, on_value, off_value], name=scope,
                        attrs={"axis": -1 if axis is None else int(axis)})


# ---- ListDiff (setdiff1d) --------------------------------------------------------------------

def _list_diff_shape(op):
    x, y = op.inputs
    _with_rank(x.shape, 1)
    _with_rank(y.shape, 1)
    out = _SHAPE((None,))
    return [(x.dtype.base_dtype, out), (op._attrs["out_idx"], out)]


def _list_diff_kernel(x, y, out_idx):
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 1:
        raise _invalid("x should be a 1D vector.")
    if y.ndim != 1:
        raise _invalid("y should be a 1D vector.")
    keep = ~np.isin(x, y)
    return x[keep], np.flatnonzero(keep).astype(out_idx.as_numpy_dtype)


register_op("ListDiff", inputs=("x: T", "y: T"), kernel=_list_diff_kernel,
            kernel_attrs=("out_idx",), shape_fn=_list_diff_shape)
no_gradient("ListDiff")


def list_diff(x, y, out_idx=dtypes.int32, name=None) -> tuple[Tensor, Tensor]:
    """The entries of ``x`` not in ``y``, in order, and their positions in ``x`` (ListDiff)."""
    op = create_op_from_values("ListDiff", [x, y], name=name,
                               attrs={"out_idx": dtypes.as_dtype(out_idx)})
    out, idx = op.outputs
    return out, idx


def setdiff1d(x, y, index_dtype=dtypes.int32, name=None) -> tuple[Tensor, Tensor]:
    """``tf.setdiff1d``: see ``list_diff``."""
    return list_diff(x, y, out_idx=index_dtype, name=name)


# ---- Cumsum and Cumprod ----------------------------------------------------------------------

def _scan_kernel(accumulate, identity):
    def kernel(x, axis, exclusive, reverse):
        x = np.asarray(x)
        axis = np.asarray(axis)
        if axis.ndim != 0:
            raise _invalid(f"ScanOp: axis must be a scalar, not {_shape_str(axis.shape)}")
        axis = int(axis)
        if not -x.ndim <= axis < x.ndim:
            raise _invalid(f"ScanOp: Expected scan axis in the range [{-x.ndim}, {x.ndim}), but "
                           f"got {axis}")
        axis %= x.ndim
        y = np.flip(x, axis) if reverse else x
        if exclusive and y.shape[axis]:
            # The exclusive scan of y is the inclusive scan of y shifted by one identity entry.
            head = np.full(y.shape[:axis] + (1,) + y.shape[axis + 1:], identity, dtype=x.dtype)
            y = np.concatenate([head, np.delete(y, -1, axis=axis)], axis=axis)
        out = accumulate(y, axis=axis, dtype=x.dtype)
        return np.flip(out, axis).copy() if reverse else out
    return kernel


_SCAN_ARGS = dict(inputs=("x: T", "axis: Tidx"), kernel_attrs=("exclusive", "reverse"),
                  shape_fn=unchanged_shape, allowed={"T": _SCAN_TYPES, "Tidx": INDEX_TYPES},
                  type_defaults={"Tidx": dtypes.int32},
                  attr_defaults={"exclusive": False, "reverse": False})
register_op("Cumsum", kernel=_scan_kernel(np.cumsum, 0), **_SCAN_ARGS)
register_op("Cumprod", kernel=_scan_kernel(np.cumprod, 1), **_SCAN_ARGS)


def _scan(op_type: str, x, axis, exclusive, reverse, name) -> Tensor:
    with ops.name_scope(name, op_type, [x]) as scope:
        x = convert_to_tensor(x, name="x")
        return apply_op(op_type, [x, axis], name=scope,
                        attrs={"exclusive": bool(exclusive), "reverse": bool(reverse)})


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None) -> Tensor:
    """Cumulative sum along ``axis`` (``tf.cumsum``); ``exclusive`` leaves out the entry
    itself, ``reverse`` sums from the end."""
    return _scan("Cumsum", x, axis, exclusive, reverse, name)


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None) -> Tensor:
    """Cumulative product along ``axis`` (``tf.cumprod``); see ``cumsum``."""
    return _scan("Cumprod", x, axis, exclusive, reverse, name)


@RegisterGradient("Cumsum")
def _cumsum_grad(op, grad):
    return cumsum(grad, op.inputs[1], exclusive=op._attrs["exclusive"],
                  reverse=not op._attrs["reverse"]), None


@RegisterGradient("Cumprod")
def _cumprod_grad(op, grad):
    """TF's formula ``cumsum(cumprod(x) * grad, reversed) / x``, taken as 0 where x == 0."""
    x, axis = op.inputs
    exclusive, reverse = op._attrs["exclusive"], op._attrs["reverse"]
    prod = cumprod(x, axis, exclusive=exclusive, reverse=reverse)
    out = cumsum(prod * grad, axis, exclusive=exclusive, reverse=not reverse)
    # TF divides with DivNoNan; the same value from Select around a safe division.
    is_zero = math_ops.equal(x, array_ops.zeros_like(x))
    safe_x = array_ops.select(is_zero, array_ops.ones_like(x), x)
    return array_ops.select(is_zero, array_ops.zeros_like(out), out / safe_x), None


# ---- ReverseV2 -------------------------------------------------------------------------------

def _reverse_axes(axes: list[int], rank: int) -> list[int]:
    seen = [False] * rank
    for i, a in enumerate(axes):
        canonical = a + rank if a < 0 else a
        if canonical < 0 or canonical >= rank:
            raise _SpecError(f"'axis'[{i}] = {a} is out of valid range [0, {rank - 1}")
        if seen[canonical]:
            raise _SpecError(f"axis {canonical} specified more than once.")
        seen[canonical] = True
    return [i for i in range(rank) if seen[i]]


def _reverse_shape(op):
    x, axis_t = op.inputs
    _with_rank(axis_t.shape, 1)
    axes = tensor_util.constant_value(axis_t)
    if axes is not None and x.shape.ndims is not None:
        try:
            _reverse_axes(_ints(axes), x.shape.ndims)
        except _SpecError as e:
            raise ShapeError(str(e)) from None
    return [(x.dtype.base_dtype, x.shape)]


def _reverse_kernel(x, axis):
    x = np.asarray(x)
    axis = np.asarray(axis)
    if axis.ndim != 1:
        raise _invalid(f"'dims' must be 1-dimension, not {axis.ndim}")
    try:
        axes = _reverse_axes(_ints(axis), x.ndim)
    except _SpecError as e:
        raise _invalid(str(e)) from None
    return np.flip(x, axes).copy() if axes else np.array(x)


register_op("ReverseV2", inputs=("tensor: T", "axis: Tidx"), kernel=_reverse_kernel,
            shape_fn=_reverse_shape, allowed={"Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32})


@RegisterGradient("ReverseV2")
def _reverse_grad(op, grad):
    return reverse(grad, op.inputs[1]), None


def reverse(tensor, axis, name=None) -> Tensor:
    """Reverses the given dims of a tensor (``tf.reverse``, op ReverseV2)."""
    return apply_op("ReverseV2", [tensor, axis], name=name)
reverse_v2 = reverse
