"""Rearranging spatial blocks: SpaceToDepth / DepthToSpace, SpaceToBatchND / BatchToSpaceND
(each pair the other's gradient), and ExtractImagePatches. NHWC only.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, slicing_ops
from tfcompat.ops.op_helpers import INDEX_TYPES


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _check_nhwc(data_format: str) -> None:
    if data_format != "NHWC":
        raise NotImplementedError(f"data_format {data_format} is not supported by tfcompat yet "
                                  "(NHWC only)")


# ---- SpaceToDepth / DepthToSpace -------------------------------------------------------------

def _depth_shape(to_depth: bool):
    def shape_fn(op):
        x = op.inputs[0]
        b = op._attrs["block_size"]
        dtype = x.dtype.base_dtype
        if b < 2:
            raise ShapeError(f"Block size should be > 1, but was: {b}")
        if x.shape.ndims is None:
            return [(dtype, unknown_shape(4))]
        if x.shape.ndims != 4:
            raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
        n, h, w, c = x.shape.as_tuple()
        if to_depth:
            for d in (h, w):
                if d is not None and d % b:
                    raise ShapeError(f"Dimension size must be evenly divisible by {b} but is "
                                     f"{d}")
            out = (n, None if h is None else h // b, None if w is None else w // b,
                   None if c is None else c * b * b)
        else:
            if c is not None and c % (b * b):
                raise ShapeError(f"Dimension size must be evenly divisible by {b * b} but is "
                                 f"{c}")
            out = (n, None if h is None else h * b, None if w is None else w * b,
                   None if c is None else c // (b * b))
        return [(dtype, TensorShape._from_tuple(out))]
    return shape_fn


def _space_to_depth_kernel(x, block_size, data_format):
    x = np.asarray(x)
    n, h, w, c = x.shape
    b = block_size
    if h % b or w % b:
        raise _invalid(f"Image width {w} and height {h} should be divisible by block_size: {b}")
    blocks = x.reshape(n, h // b, b, w // b, b, c).transpose(0, 1, 3, 2, 4, 5)
    return blocks.reshape(n, h // b, w // b, b * b * c)


def _depth_to_space_kernel(x, block_size, data_format):
    x = np.asarray(x)
    n, h, w, c = x.shape
    b = block_size
    if c % (b * b):
        raise _invalid(f"Input depth dimension {c} should be divisible by: {b * b}")
    blocks = x.reshape(n, h, w, b, b, c // (b * b)).transpose(0, 1, 3, 2, 4, 5)
    return blocks.reshape(n, h * b, w * b, c // (b * b))


def _depth_attrs(op):
    return {"block_size": op._attrs["block_size"], "data_format": op._attrs["data_format"]}


for _op_type, _kernel, _to_depth, _inverse in (
        ("SpaceToDepth", _space_to_depth_kernel, True, "DepthToSpace"),
        ("DepthToSpace", _depth_to_space_kernel, False, "SpaceToDepth")):
    register_op(_op_type, inputs=("input: T",), kernel=_kernel,
                kernel_attrs=("block_size", "data_format"), shape_fn=_depth_shape(_to_depth),
                attr_defaults={"data_format": "NHWC"},
                grad=lambda op, grad, inverse=_inverse: apply_op(inverse, [grad],
                                                                 attrs=_depth_attrs(op)))


def space_to_depth(input, block_size, name=None, data_format="NHWC") -> Tensor:  # noqa: A002
    """Moves ``block_size`` x ``block_size`` spatial blocks into the depth dimension."""
    _check_nhwc(data_format)
    return apply_op("SpaceToDepth", [input], name=name,
                    attrs={"block_size": int(block_size), "data_format": data_format})


def depth_to_space(input, block_size, name=None, data_format="NHWC") -> Tensor:  # noqa: A002
    """Moves depth into ``block_size`` x ``block_size`` spatial blocks."""
    _check_nhwc(data_format)
    return apply_op("DepthToSpace", [input], name=name,
                    attrs={"block_size": int(block_size), "data_format": data_format})


# ---- SpaceToBatchND / BatchToSpaceND ---------------------------------------------------------

def _batch_space_shape(to_batch: bool):
    def shape_fn(op):
        x, block_t, pads_t = op.inputs
        dtype = x.dtype.base_dtype
        block = tensor_util.constant_value(block_t)
        pads = tensor_util.constant_value(pads_t)
        if x.shape.ndims is None or block is None or pads is None:
            return [(dtype, unknown_shape(x.shape.ndims))]
        block = [int(v) for v in np.asarray(block).reshape(-1)]
        pads = np.asarray(pads).reshape(-1, 2)
        dims = list(x.shape.as_tuple())
        m = len(block)
        prod = int(np.prod(block))
        if to_batch:
            dims[0] = None if dims[0] is None else dims[0] * prod
        else:
            if dims[0] is not None and dims[0] % prod:
                raise ShapeError(f"batch size {dims[0]} is not divisible by the product of "
                                 f"block_shape {prod}")
            dims[0] = None if dims[0] is None else dims[0] // prod
        for i in range(m):
            d = dims[i + 1]
            if d is None:
                continue
            total = int(pads[i, 0]) + int(pads[i, 1])
            if to_batch:
                if (d + total) % block[i]:
                    raise ShapeError(f"padded_shape[{i}]={d + total} is not divisible by "
                                     f"block_shape[{i}]={block[i]}")
                dims[i + 1] = (d + total) // block[i]
            else:
                dims[i + 1] = d * block[i] - total
        return [(dtype, TensorShape._from_tuple(tuple(dims)))]
    return shape_fn


def _space_to_batch_kernel(x, block_shape, paddings):
    x = np.asarray(x)
    block = [int(v) for v in np.asarray(block_shape).reshape(-1)]
    pads = np.asarray(paddings).reshape(-1, 2)
    m = len(block)
    pad_width = [(0, 0)] + [(int(a), int(b)) for a, b in pads] + [(0, 0)] * (x.ndim - 1 - m)
    padded = np.pad(x, pad_width)
    for i, b in enumerate(block):
        if padded.shape[i + 1] % b:
            raise _invalid(f"padded_shape[{i}]={padded.shape[i + 1]} is not divisible by "
                           f"block_shape[{i}]={b}")
    batch = padded.shape[0]
    spatial = padded.shape[1:m + 1]
    rest = padded.shape[m + 1:]
    shape = [batch]
    for s, b in zip(spatial, block):
        shape += [s // b, b]
    reshaped = padded.reshape(shape + list(rest))
    # Block offsets to the front (they become the outer part of the batch dimension).
    perm = [2 * i + 2 for i in range(m)] + [0] + [2 * i + 1 for i in range(m)] + \
        list(range(2 * m + 1, 2 * m + 1 + len(rest)))
    out = reshaped.transpose(perm)
    return out.reshape([batch * int(np.prod(block))] + [s // b for s, b in zip(spatial, block)]
                       + list(rest))


def _batch_to_space_kernel(x, block_shape, crops):
    x = np.asarray(x)
    block = [int(v) for v in np.asarray(block_shape).reshape(-1)]
    crops = np.asarray(crops).reshape(-1, 2)
    m = len(block)
    prod = int(np.prod(block))
    if x.shape[0] % prod:
        raise _invalid(f"Input batch dimension ({x.shape[0]}) is not divisible by product of "
                       f"block sizes ({prod})")
    batch = x.shape[0] // prod
    spatial = x.shape[1:m + 1]
    rest = x.shape[m + 1:]
    reshaped = x.reshape(block + [batch] + list(spatial) + list(rest))
    perm = [m]
    for i in range(m):
        perm += [m + 1 + i, i]
    perm += list(range(2 * m + 1, 2 * m + 1 + len(rest)))
    out = reshaped.transpose(perm).reshape([batch] + [s * b for s, b in zip(spatial, block)]
                                           + list(rest))
    index = [slice(None)] + [slice(int(a), out.shape[i + 1] - int(b))
                             for i, (a, b) in enumerate(crops)]
    return out[tuple(index)]


register_op("SpaceToBatchND", inputs=("input: T", "block_shape: Tblock_shape",
                                      "paddings: Tpaddings"),
            kernel=_space_to_batch_kernel, shape_fn=_batch_space_shape(True),
            allowed={"Tblock_shape": INDEX_TYPES, "Tpaddings": INDEX_TYPES},
            type_defaults={"Tblock_shape": dtypes.int32, "Tpaddings": dtypes.int32},
            value_inputs=(1, 2),
            grad=lambda op, grad: (apply_op("BatchToSpaceND", [grad, op.inputs[1],
                                                               op.inputs[2]]), None, None))
register_op("BatchToSpaceND", inputs=("input: T", "block_shape: Tblock_shape",
                                      "crops: Tcrops"),
            kernel=_batch_to_space_kernel, shape_fn=_batch_space_shape(False),
            allowed={"Tblock_shape": INDEX_TYPES, "Tcrops": INDEX_TYPES},
            type_defaults={"Tblock_shape": dtypes.int32, "Tcrops": dtypes.int32},
            value_inputs=(1, 2),
            grad=lambda op, grad: (apply_op("SpaceToBatchND", [grad, op.inputs[1],
                                                               op.inputs[2]]), None, None))


def space_to_batch_nd(input, block_shape, paddings, name=None) -> Tensor:  # noqa: A002
    """Zero-pads the spatial dims and moves blocks of them into the batch dimension."""
    return apply_op("SpaceToBatchND", [input, block_shape, paddings], name=name)


def batch_to_space_nd(input, block_shape, crops, name=None) -> Tensor:  # noqa: A002
    """Moves batch blocks back into the spatial dims and crops them."""
    return apply_op("BatchToSpaceND", [input, block_shape, crops], name=name)


def space_to_batch(input, paddings, block_size=None, name=None,  # noqa: A002
                   block_shape=None) -> Tensor:
    """TF1's 4-D space_to_batch: ``space_to_batch_nd`` with a square block."""
    block_size = block_shape if block_size is None else block_size
    return space_to_batch_nd(input, [int(block_size)] * 2, paddings, name=name)


def batch_to_space(input, crops, block_size, name=None, block_shape=None) -> Tensor:  # noqa: A002
    """TF1's 4-D batch_to_space: ``batch_to_space_nd`` with a square block."""
    block_size = block_shape if block_size is None else block_size
    return batch_to_space_nd(input, [int(block_size)] * 2, crops, name=name)


# ---- ExtractImagePatches ---------------------------------------------------------------------

def _patch_geometry(in_size: int, k: int, stride: int, rate: int, padding: str):
    eff = (k - 1) * rate + 1
    if padding == "VALID":
        out = (in_size - eff + stride) // stride if in_size >= eff else 0
        pad_before = 0
    else:
        out = -(-in_size // stride)
        pad_total = max((out - 1) * stride + eff - in_size, 0)
        pad_before = pad_total // 2
    return out, pad_before


def _patches_shape(op):
    x = op.inputs[0]
    dtype = x.dtype.base_dtype
    if x.shape.ndims is None:
        return [(dtype, unknown_shape(4))]
    if x.shape.ndims != 4:
        raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
    n, h, w, c = x.shape.as_tuple()
    ks, st, rt = op._attrs["ksizes"], op._attrs["strides"], op._attrs["rates"]
    pad = op._attrs["padding"]
    oh = None if h is None else _patch_geometry(h, ks[1], st[1], rt[1], pad)[0]
    ow = None if w is None else _patch_geometry(w, ks[2], st[2], rt[2], pad)[0]
    depth = None if c is None else ks[1] * ks[2] * c
    return [(dtype, TensorShape._from_tuple((n, oh, ow, depth)))]


def patch_source_indices(height: int, width: int, ksizes, strides, rates, padding):
    """For each output (row, col, tap), the flat input pixel it reads, or -1 for padding."""
    oh, top = _patch_geometry(height, ksizes[1], strides[1], rates[1], padding)
    ow, left = _patch_geometry(width, ksizes[2], strides[2], rates[2], padding)
    rows = (np.arange(oh)[:, None] * strides[1] - top
            + np.arange(ksizes[1])[None, :] * rates[1])  # [oh, kh]
    cols = (np.arange(ow)[:, None] * strides[2] - left
            + np.arange(ksizes[2])[None, :] * rates[2])  # [ow, kw]
    r = rows[:, None, :, None]
    c = cols[None, :, None, :]
    valid = (r >= 0) & (r < height) & (c >= 0) & (c < width)
    flat = np.where(valid, r * width + c, -1)
    return flat.reshape(oh, ow, ksizes[1] * ksizes[2])


def _patches_kernel(x, ksizes, strides, rates, padding):
    x = np.asarray(x)
    n, h, w, c = x.shape
    source = patch_source_indices(h, w, ksizes, strides, rates, padding)
    pixels = np.concatenate([x.reshape(n, h * w, c), np.zeros((n, 1, c), x.dtype)], axis=1)
    gathered = pixels[:, np.where(source < 0, h * w, source)]  # [n, oh, ow, taps, c]
    oh, ow, taps = source.shape
    return gathered.reshape(n, oh, ow, taps * c)


def _patches_grad(op, grad):
    """Scatter-adds every patch entry back onto the pixel it was read from (static shapes)."""
    x = op.inputs[0]
    if not x.shape.is_fully_defined():
        raise NotImplementedError("The gradient of extract_image_patches needs a fully "
                                  "defined input shape in tfcompat")
    n, h, w, c = x.shape.as_tuple()
    source = patch_source_indices(h, w, op._attrs["ksizes"], op._attrs["strides"],
                                  op._attrs["rates"], op._attrs["padding"])
    oh, ow, taps = source.shape
    ids = np.where(source < 0, h * w, source).reshape(-1).astype(np.int32)
    # [n, oh, ow, taps, c] -> [oh * ow * taps, n, c], summed per source pixel.
    per_tap = array_ops.reshape(grad, [n, oh * ow * taps, c])
    per_tap = array_ops.transpose(per_tap, [1, 0, 2])
    summed = slicing_ops.unsorted_segment_sum(per_tap, constant_op.constant(ids), h * w + 1)
    pixels = array_ops.transpose(summed[:h * w], [1, 0, 2])
    return array_ops.reshape(pixels, [n, h, w, c])


register_op("ExtractImagePatches", inputs=("images: T",), kernel=_patches_kernel,
            kernel_attrs=("ksizes", "strides", "rates", "padding"), shape_fn=_patches_shape,
            grad=_patches_grad)


def extract_image_patches(images, ksizes=None, strides=None, rates=None, padding=None,
                          name=None, sizes=None) -> Tensor:
    """Patches of ``ksizes`` from ``images`` laid out in the depth dimension."""
    ksizes = sizes if ksizes is None else ksizes
    images = convert_to_tensor(images, name="images")
    for what, value in (("ksizes", ksizes), ("strides", strides), ("rates", rates)):
        if len(value) != 4 or value[0] != 1 or value[3] != 1:
            raise ValueError(f"{what} must be [1, r, c, 1]")
    if padding not in ("SAME", "VALID"):
        raise ValueError(f"padding must be 'SAME' or 'VALID', got {padding!r}")
    return apply_op("ExtractImagePatches", [images], name=name,
                    attrs={"ksizes": [int(v) for v in ksizes],
                           "strides": [int(v) for v in strides],
                           "rates": [int(v) for v in rates], "padding": padding})


def required_space_to_batch_paddings(input_shape, block_shape, base_paddings=None, name=None):
    """(paddings, crops) making ``input_shape`` (plus ``base_paddings``) divisible by
    ``block_shape``; the extra padding goes at the end and is cropped afterwards."""
    from tfcompat.framework import ops
    from tfcompat.ops import math_ops
    with ops.name_scope(name, "required_space_to_batch_paddings",
                        [input_shape, block_shape]):
        input_shape = convert_to_tensor(input_shape, dtype=dtypes.int32, name="input_shape")
        block_shape = convert_to_tensor(block_shape, dtype=dtypes.int32, name="block_shape")
        num_dims = block_shape.shape.as_tuple()[0]
        if base_paddings is not None:
            base_paddings = convert_to_tensor(base_paddings, dtype=dtypes.int32,
                                              name="base_paddings")
        else:
            base_paddings = array_ops.zeros([num_dims, 2], dtypes.int32)
        pad_start = base_paddings[:, 0]
        orig_pad_end = base_paddings[:, 1]
        full_input_shape = input_shape + pad_start + orig_pad_end
        pad_end_extra = math_ops.floormod(block_shape - math_ops.floormod(
            full_input_shape, block_shape), block_shape)
        pad_end = orig_pad_end + pad_end_extra
        paddings = array_ops.stack([pad_start, pad_end], axis=1, name="paddings")
        crops = array_ops.stack([array_ops.zeros_like(pad_end_extra), pad_end_extra], axis=1,
                                name="crops")
        return paddings, crops
