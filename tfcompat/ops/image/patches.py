"""``tf.image.extract_patches`` (the ExtractImagePatches op under its v2 argument names) and
ExtractVolumePatches: 3-D patches of ``[batch, planes, rows, cols, depth]`` volumes laid out in
the depth dimension (taps in plane, row, column order, each tap's ``depth`` values together).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, slicing_ops
from tfcompat.ops.op_helpers import REAL_NUMBERS
from tfcompat.ops.space_ops import extract_image_patches


def extract_patches(images, sizes, strides, rates, padding, name=None) -> Tensor:
    """Patches of ``sizes`` ([1, rows, cols, 1]) from ``images``, laid out in the depth
    dimension: the ExtractImagePatches op."""
    return extract_image_patches(images, ksizes=sizes, strides=strides, rates=rates,
                                 padding=padding, name=name)


# ---- ExtractVolumePatches --------------------------------------------------------------------

def _geometry(in_size: int, k: int, stride: int, padding: str) -> tuple[int, int]:
    """(output size, padding before) of one spatial dimension."""
    if padding == "VALID":
        return ((in_size - k + stride) // stride if in_size >= k else 0), 0
    out = -(-in_size // stride)
    return out, max((out - 1) * stride + k - in_size, 0) // 2


def _volume_shape(op):
    x = op.inputs[0]
    dtype = x.dtype.base_dtype
    if x.shape.ndims is None:
        return [(dtype, unknown_shape(5))]
    if x.shape.ndims != 5:
        raise ShapeError(f"Shape must be rank 5 but is rank {x.shape.ndims}")
    dims = x.shape.as_tuple()
    ks, st, pad = op._attrs["ksizes"], op._attrs["strides"], op._attrs["padding"]
    spatial = tuple(None if d is None else _geometry(d, ks[i + 1], st[i + 1], pad)[0]
                    for i, d in enumerate(dims[1:4]))
    depth = None if dims[4] is None else ks[1] * ks[2] * ks[3] * dims[4]
    return [(dtype, TensorShape._from_tuple((dims[0],) + spatial + (depth,)))]


def volume_source_indices(spatial: tuple[int, int, int], ksizes, strides,
                          padding: str) -> np.ndarray:
    """For each output (plane, row, col, tap), the flat input voxel it reads, -1 for padding."""
    axes = []
    for i, size in enumerate(spatial):
        out, before = _geometry(size, ksizes[i + 1], strides[i + 1], padding)
        axes.append(np.arange(out)[:, None] * strides[i + 1] - before +
                    np.arange(ksizes[i + 1])[None, :])  # [out_i, k_i]
    p = axes[0][:, None, None, :, None, None]
    r = axes[1][None, :, None, None, :, None]
    c = axes[2][None, None, :, None, None, :]
    planes, rows, cols = spatial
    valid = (p >= 0) & (p < planes) & (r >= 0) & (r < rows) & (c >= 0) & (c < cols)
    flat = np.where(valid, (p * rows + r) * cols + c, -1)
    return flat.reshape(flat.shape[:3] + (ksizes[1] * ksizes[2] * ksizes[3],))


def _volume_kernel(x, ksizes, strides, padding):
    x = np.asarray(x)
    n, planes, rows, cols, depth = x.shape
    source = volume_source_indices((planes, rows, cols), ksizes, strides, padding)
    voxels = planes * rows * cols
    flat = np.concatenate([x.reshape(n, voxels, depth), np.zeros((n, 1, depth), x.dtype)],
                          axis=1)
    gathered = flat[:, np.where(source < 0, voxels, source)]  # [n, op, or, oc, taps, depth]
    return gathered.reshape(gathered.shape[:4] + (source.shape[3] * depth,))


def _volume_grad(op, grad):
    """Scatter-adds every patch entry back onto the voxel it was read from (static shapes)."""
    x = op.inputs[0]
    if not x.shape.is_fully_defined():
        raise NotImplementedError("The gradient of extract_volume_patches needs a fully "
                                  "defined input shape in tfcompat")
    n, planes, rows, cols, depth = x.shape.as_tuple()
    source = volume_source_indices((planes, rows, cols), op._attrs["ksizes"],
                                   op._attrs["strides"], op._attrs["padding"])
    voxels = planes * rows * cols
    entries = int(np.prod(source.shape))
    ids = np.where(source < 0, voxels, source).reshape(-1).astype(np.int32)
    per_tap = array_ops.transpose(array_ops.reshape(grad, [n, entries, depth]), [1, 0, 2])
    summed = slicing_ops.unsorted_segment_sum(per_tap, constant_op.constant(ids), voxels + 1)
    return array_ops.reshape(array_ops.transpose(summed[:voxels], [1, 0, 2]),
                             [n, planes, rows, cols, depth])


register_op("ExtractVolumePatches", inputs=("input: T",), kernel=_volume_kernel,
            kernel_attrs=("ksizes", "strides", "padding"), shape_fn=_volume_shape,
            allowed={"T": REAL_NUMBERS}, grad=_volume_grad)


def extract_volume_patches(input, ksizes, strides, padding, name=None) -> Tensor:  # noqa: A002
    """Extracts ``ksizes`` ([1, planes, rows, cols, 1]) patches from a 5-D ``input``, moved to
    the depth dimension, every ``strides`` voxels."""
    for what, value in (("ksizes", ksizes), ("strides", strides)):
        if len(value) < 5:
            raise ValueError(f"Attr '{what}' of 'ExtractVolumePatches' Op passed list of length "
                             f"{len(value)} less than minimum 5.")
    if padding not in ("SAME", "VALID"):
        raise ValueError(f"Attr 'padding' of 'ExtractVolumePatches' Op passed string "
                         f"'{padding}' not in: \"SAME\", \"VALID\".")
    return apply_op("ExtractVolumePatches", [input],
                    name=name, attrs={"ksizes": [int(v) for v in ksizes],
                                      "strides": [int(v) for v in strides],
                                      "padding": padding})
