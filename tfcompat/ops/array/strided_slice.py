"""Slice, StridedSlice and StridedSliceGrad: slice-spec arithmetic shared by shape inference
and kernels, gradients, and the ``tf.slice``/``tf.strided_slice`` wrappers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tfcompat.framework import ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.array.slice_common import (
    _SHAPE,
    _STRIDED_INDEX_TYPES,
    _dims,
    _ints,
    _invalid,
    _merge_lengths,
    _PySlice,
    _shape_str,
    _shape_tensor_dims,
    _stack,
    _static_or_tensor,
    _vector_length,
    _with_rank,
)
from tfcompat.ops.op_helpers import INDEX_TYPES

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
    rank = x.ndim
    if begin.shape != (rank,) or size.shape != (rank,):
        raise _invalid(f"Expected begin and size arguments to be 1-D tensors of size {rank}, "
                       f"but got shapes {_shape_str(begin.shape)} and "
                       f"{_shape_str(size.shape)} instead.")
    index = []
    for i, (b, s, dim) in enumerate(zip(_ints(begin), _ints(size), x.shape)):
        if s == -1:
            s = dim - b
        if not (0 <= b and 0 <= s and b + s <= dim):  # the checks below, folded into one test
            _raise_slice_bounds(i, b, s, dim)
        index.append(_PySlice(b, b + s))
    return np.array(x[tuple(index)])


def _raise_slice_bounds(i: int, b: int, s: int, dim: int) -> None:
    """Slice's error for dim ``i`` when ``begin[i] = b``, ``size[i] = s`` leave ``[0, dim)``."""
    if dim == 0:
        raise _invalid(f"Expected begin[{i}] == 0 (got {b}) and size[{i}] == 0 (got {s})"
                       f" when input.dim_size({i}) == 0")
    if not 0 <= b <= dim:
        raise _invalid(f"Expected begin[{i}] in [0, {dim}], but got {b}")
    raise _invalid(f"Expected size[{i}] in [0, {dim - b}], but got {s}")


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
    # Pad's gradient is a Slice: the two modules reach each other through the family namespace.
    return array_ops.pad(grad, paddings), None, None


register_op("Slice", inputs=("input: T", "begin: Index", "size: Index"), kernel=_slice_kernel,
            shape_fn=_slice_shape, allowed={"Index": INDEX_TYPES},
            grad=_slice_grad)


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


def _strided_slice_grad(op, grad):
    """Scatters the gradient back into zeros of the input's shape (StridedSliceGrad)."""
    begin, end, strides = op.inputs[1:]
    x_shape = array_ops.shape(op.inputs[0], out_type=begin.dtype.base_dtype)
    # Like TF, pass the slice spec as fresh constants when it is static.
    args = [_static_or_tensor(t) for t in (x_shape, begin, end, strides)]
    return (strided_slice_grad(*args, grad, **_masks(op)), None, None, None)


register_op("StridedSlice", inputs=("input: T", "begin: Index", "end: Index", "strides: Index"),
            bind=_bind_strided_slice, shape_fn=_strided_slice_shape,
            allowed={"Index": _STRIDED_INDEX_TYPES}, attr_defaults=dict.fromkeys(_MASK_ATTRS, 0),
            grad=_strided_slice_grad)


def _strided_slice_grad_grad(op, grad):
    begin, end, strides = op.inputs[1:4]
    return None, None, None, None, strided_slice(grad, begin, end, strides, **_masks(op))


register_op("StridedSliceGrad",
            inputs=("shape: Index", "begin: Index", "end: Index", "strides: Index", "dy: T"),
            bind=_bind_strided_slice_grad, shape_fn=_strided_slice_grad_shape,
            allowed={"Index": INDEX_TYPES}, attr_defaults=dict.fromkeys(_MASK_ATTRS, 0),
            grad=_strided_slice_grad_grad)


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
