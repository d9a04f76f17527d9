"""``tf.conv``: the generic Conv op — 2-D or 3-D spatial convolution with any number of leading
batch dimensions, explicit padding and dilations. Its values come from the Conv2D / Conv3D
kernels. Like TF's CPU kernel it runs CHANNELS_LAST and ungrouped convolutions only (others
build, then fail with TF's UnimplementedError), and it has no registered gradient."""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.conv.conv2d import _conv2d_kernel
from tfcompat.ops.conv3d_ops import _conv3d_kernel


def _spatial(op) -> int | None:
    x = op.inputs[0].shape
    return None if x.ndims is None else x.ndims - op._attrs["batch_dims"] - 1


def _conv_shape(op):
    x, w = op.inputs[0].shape, op.inputs[1].shape
    dtype = op.inputs[0].dtype.base_dtype
    spatial = _spatial(op)
    if spatial is not None and spatial not in (2, 3):
        raise ShapeError(f"Input tensor must be rank 4 or 5, excluding extra batch dimensions, "
                         f"but got: {spatial + 2}")
    if spatial is None or w.ndims is None:
        return [(dtype, unknown_shape(x.ndims))]
    a = op._attrs
    channels_last = a["data_format"] == "CHANNELS_LAST"
    batch = list(x.as_tuple()[:a["batch_dims"]])
    dims = x.as_tuple()[a["batch_dims"]:]
    sizes = dims[:-1] if channels_last else dims[1:]
    strides = list(a["strides"])[1:-1] if channels_last else list(a["strides"])[2:]
    dilations = list(a["dilations"]) or [1] * (spatial + 2)
    dilations = dilations[1:-1] if channels_last else dilations[2:]
    pads = list(a["explicit_paddings"])
    out = []
    for i, size in enumerate(sizes):
        k = (w.as_tuple()[i] - 1) * dilations[i] + 1 if w.as_tuple()[i] is not None else None
        if size is None or k is None:
            out.append(None)
        elif a["padding"] == "SAME":
            out.append(math.ceil(size / strides[i]))
        else:
            extra = 0
            if a["padding"] == "EXPLICIT":
                offset = (1 if channels_last else 2) + i
                extra = pads[2 * offset] + pads[2 * offset + 1]
            out.append(max(0, (size + extra - k) // strides[i] + 1))
    channels = [w.as_tuple()[-1]]
    shape = batch + (out + channels if channels_last else channels + out)
    return [(dtype, TensorShape(shape))]


def _conv_kernel(x, w, strides, padding, explicit_paddings, data_format, dilations,
                 batch_dims, groups):
    x, w = np.asarray(x), np.asarray(w)
    spatial = x.ndim - batch_dims - 1
    if data_format != "CHANNELS_LAST":  # as TF's CPU kernel
        layout = "NCHW" if spatial == 2 else "NCDHW"
        raise errors.UnimplementedError(
            None, None, f"The Conv{spatial}D op currently only supports the "
            f"{'NHWC' if spatial == 2 else 'NDHWC'} tensor format on the CPU. The op was given "
            f"the format: {layout}")
    if groups != 1:
        raise errors.UnimplementedError(None, None,
                                        "Grouped/Depthwise Convolutions are not supported yet.")
    lead = x.shape[:batch_dims]
    x = x.reshape((-1,) + x.shape[batch_dims:])
    dilations = list(dilations) or [1] * (spatial + 2)
    if spatial == 2:
        out = _conv2d_kernel(x, w, strides=list(strides), padding=padding,
                             explicit_paddings=list(explicit_paddings), dilations=dilations,
                             data_format="NHWC")
    else:
        if padding == "EXPLICIT":
            raise errors.UnimplementedError(None, None, "tfcompat's 3-D tf.conv does not support "
                                            "explicit padding")
        out = _conv3d_kernel(x, w, list(strides), padding, "NDHWC", dilations)
    return out.reshape(lead + out.shape[1:])


register_op("Conv", inputs=("input: T", "filter: T"), kernel=_conv_kernel,
            kernel_attrs=("strides", "padding", "explicit_paddings", "data_format", "dilations",
                          "batch_dims", "groups"),
            shape_fn=_conv_shape,
            attr_defaults={"explicit_paddings": [], "data_format": "CHANNELS_LAST",
                           "dilations": [], "batch_dims": 1, "groups": 1})


def conv(input, filter, strides, padding, explicit_paddings=(),  # noqa: A002 - TF's names
         data_format="CHANNELS_LAST", dilations=(), batch_dims=1, groups=1,
         name=None) -> Tensor:
    """N-D convolution (2 or 3 spatial dimensions) of ``input`` (``batch_dims`` leading batch
    dimensions) with ``filter`` ([spatial..., in_channels / groups, out_channels])."""
    return apply_op("Conv", [input, filter], name=name, attrs={
        "strides": list(strides), "padding": padding,
        "explicit_paddings": list(explicit_paddings), "data_format": data_format,
        "dilations": list(dilations), "batch_dims": int(batch_dims), "groups": int(groups)})
