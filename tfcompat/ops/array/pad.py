"""Pad, PadV2, MirrorPad and MirrorPadGrad, with ``tf.pad``."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.array.slice_common import _SHAPE, _dims, _invalid, _shape_str, _stack, _with_rank
from tfcompat.ops.array.strided_slice import slice
from tfcompat.ops.op_helpers import INDEX_TYPES

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


def _pad_grad(op, grad):
    """Slices the gradient of the un-padded region out of the padded gradient."""
    x, paddings = op.inputs[0], op.inputs[1]
    pad_before = slice(paddings, [0, 0], _stack([array_ops.rank(x), 1]))
    begin = array_ops.reshape(pad_before, [-1])
    sizes = array_ops.shape(x, out_type=begin.dtype.base_dtype)
    x_grad = slice(grad, begin, sizes)
    return (x_grad, None) if len(op.inputs) == 2 else (x_grad, None, None)


register_op("PadV2", inputs=("input: T", "paddings: Tpaddings", "constant_values: T"),
            kernel=_pad_v2_kernel, shape_fn=_pad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32},
            grad=_pad_grad)


register_op("Pad", inputs=("input: T", "paddings: Tpaddings"), kernel=_pad_kernel,
            shape_fn=_pad_shape, allowed=_PAD_ALLOWED, type_defaults={"Tpaddings": dtypes.int32},
            grad=_pad_grad)


def _mirror_pad_grad(op, grad):
    return apply_op("MirrorPadGrad", [grad, op.inputs[1]], attrs={"mode": op._attrs["mode"]}), None


register_op("MirrorPad", inputs=("input: T", "paddings: Tpaddings"), kernel=_mirror_pad_kernel,
            kernel_attrs=("mode",), shape_fn=_pad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32},
            grad=_mirror_pad_grad)


def _mirror_pad_grad_grad(op, grad):
    return apply_op("MirrorPad", [grad, op.inputs[1]], attrs={"mode": op._attrs["mode"]}), None


register_op("MirrorPadGrad", inputs=("input: T", "paddings: Tpaddings"),
            kernel=_mirror_pad_grad_kernel, kernel_attrs=("mode",),
            shape_fn=_mirror_pad_grad_shape, allowed=_PAD_ALLOWED,
            type_defaults={"Tpaddings": dtypes.int32},
            grad=_mirror_pad_grad_grad)


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
