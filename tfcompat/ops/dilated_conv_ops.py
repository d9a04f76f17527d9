"""Dilated ("atrous") helpers of tf.nn: ``with_space_to_batch`` and ``atrous_conv2d_transpose``.

``with_space_to_batch`` runs a caller's op on the space-to-batch rearrangement of its input
(each of the ``prod(dilation_rate)`` interleaved sub-grids becomes a batch entry), which turns a
dilated op into an undilated one, and rearranges the result back.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import ops, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.ops.conv.conv2d import conv2d_backprop_input
from tfcompat.ops.space_ops import (
    batch_to_space_nd,
    required_space_to_batch_paddings,
    space_to_batch_nd,
)


def _static_ints(value, name: str) -> np.ndarray:
    array = tensor_util.constant_value(convert_to_tensor(value)) if isinstance(value, Tensor) \
        else np.asarray(value)
    if array is None:
        raise ValueError(f"`{name}` must be known statically by tfcompat.")
    return np.asarray(array, np.int64).reshape(-1)


def with_space_to_batch(input, dilation_rate, padding, op, filter_shape=None,  # noqa: A002
                        spatial_dims=None, data_format=None):
    """Computes ``op(converted_input, num_spatial_dims, padding)`` on the space-to-batch form of
    ``input`` for ``dilation_rate`` (then batch-to-space on the result), so an op applied with
    VALID padding acts as its dilated version. ``padding="SAME"`` needs ``filter_shape`` (the
    undilated window) to pad as a dilated SAME op would."""
    input = convert_to_tensor(input, name="input")  # noqa: A001
    rate = _static_ints(dilation_rate, "dilation_rate")
    if (rate < 1).any():
        raise ValueError(f"`dilation_rate` must be positive. Received: dilation_rate={rate}")
    num_spatial_dims = rate.size
    if spatial_dims is None:
        first = 2 if data_format is not None and data_format.startswith("NC") else 1
        spatial_dims = list(range(first, first + num_spatial_dims))
    spatial_dims = [int(d) for d in spatial_dims]
    if padding not in ("SAME", "VALID"):
        raise ValueError(f"`padding` must be one of 'SAME' or 'VALID'. Received: "
                         f"padding={padding}")
    if (rate == 1).all():
        return op(input, num_spatial_dims, padding)
    if padding == "SAME":
        if filter_shape is None:
            raise ValueError("`filter_shape` must be specified for `padding='SAME'`. Received: "
                             f"filter_shape={filter_shape} and padding={padding}")
        window = _static_ints(filter_shape, "filter_shape")
        # A dilated window covers (k - 1) * rate + 1 positions; SAME pads its extent minus one,
        # the smaller half before.
        extent = (window - 1) * rate
        base_paddings = np.stack([extent // 2, extent - extent // 2], axis=1)
    else:
        base_paddings = np.zeros((num_spatial_dims, 2), np.int64)
    input_shape = input.shape.as_tuple() if input.shape.ndims is not None else None
    if input_shape is not None and all(input_shape[d] is not None for d in spatial_dims):
        spatial_shape = [input_shape[d] for d in spatial_dims]
    else:
        spatial_shape = slicing_ops.gather(array_ops.shape(input), spatial_dims)
    if sorted(set(spatial_dims)) != spatial_dims or spatial_dims[0] < 1:
        raise ValueError(f"`spatial_dims` must be strictly increasing and positive. Received: "
                         f"spatial_dims={spatial_dims}")
    paddings, crops = required_space_to_batch_paddings(spatial_shape, rate, base_paddings)
    # SpaceToBatchND blocks the dims right after the batch one: dims before the first spatial
    # one (NCHW's channels) and between spatial ones get a block of 1 and no padding.
    blocked = range(1, spatial_dims[-1] + 1)
    if list(blocked) != spatial_dims:
        position = {d: i for i, d in enumerate(spatial_dims)}
        zero = array_ops.zeros([1, 2], paddings.dtype)
        rate = np.asarray([rate[position[d]] if d in position else 1 for d in blocked])
        paddings = array_ops.concat([paddings[position[d]:position[d] + 1] if d in position
                                     else zero for d in blocked], 0)
        crops = array_ops.concat([crops[position[d]:position[d] + 1] if d in position
                                  else zero for d in blocked], 0)
    converted = space_to_batch_nd(input, rate, paddings)
    result = op(converted, num_spatial_dims, "VALID")
    return batch_to_space_nd(result, rate, crops)


def _channels(shape, axis: int):
    return shape.as_tuple()[axis] if shape.ndims is not None else None


def atrous_conv2d_transpose(value, filters, output_shape, rate, padding, name=None) -> Tensor:
    """The transpose of ``atrous_conv2d``: maps ``value`` back to ``output_shape``
    (``[batch, height, width, out_channels]``); ``filters`` is ``[height, width, out_channels,
    in_channels]``.

    Built as the adjoint of the space-to-batch form of the dilated convolution (CPU kernels have
    no dilated Conv2DBackpropInput): SpaceToBatchND by the forward's crops, an undilated VALID
    Conv2DBackpropInput, BatchToSpaceND by the forward's paddings.
    """
    with ops.name_scope(name, "atrous_conv2d_transpose", [value, filters]):
        value = convert_to_tensor(value, name="value")
        filters = convert_to_tensor(filters, name="filters")
        value_channels, filter_in = _channels(value.shape, 3), _channels(filters.shape, 3)
        if value_channels is not None and filter_in is not None and value_channels != filter_in:
            raise ValueError(
                "`value` channel count must be compatible with `filters` input channel count. "
                f"Received: value.shape={value.shape} with channel count {value_channels} and "
                f"filters.shape={filters.shape} with input channel count {filter_in}.")
        if rate < 1:
            raise ValueError(f"`rate` cannot be less than one. Received: rate={rate}")
        if rate == 1:
            return conv2d_backprop_input(output_shape, filters, value, [1, 1, 1, 1], padding,
                                         name="conv2d_transpose")
        output_shape = convert_to_tensor(output_shape, name="output_shape")
        if output_shape.shape.ndims is not None and output_shape.shape.as_tuple() != (4,):
            raise ValueError(f"`output_shape` must have shape (4,). Received: "
                             f"output_shape={output_shape.shape}")
        known = tensor_util.constant_value(output_shape)
        filter_out = _channels(filters.shape, 2)
        if known is not None and filter_out is not None and int(known[3]) != filter_out:
            # TF's message names filters.shape[3] as the output channel count.
            raise ValueError(
                "`output_shape` channel count must be compatible with `filters` output channel "
                f"count. Received: output_shape={list(np.asarray(known).tolist())} with channel "
                f"count {int(known[3])} and filters.shape={filters.shape} with output channel "
                f"count {filter_in}.")
        if padding == "SAME":
            window = filters.shape.as_tuple()[:2] if filters.shape.ndims == 4 else (None,)
            if None in window:
                raise ValueError("atrous_conv2d_transpose needs the filter's spatial shape.")
            extent = (np.asarray(window, np.int64) - 1) * rate
            base_paddings = np.stack([extent // 2, extent - extent // 2], axis=1)
        elif padding == "VALID":
            base_paddings = np.zeros((2, 2), np.int64)
        else:
            raise ValueError(f"`padding` must be either 'VALID' or 'SAME'. Received: "
                             f"padding={padding}")
        spatial = output_shape[1:3]
        paddings, crops = required_space_to_batch_paddings(spatial, [rate, rate], base_paddings)
        # The forward pass space-to-batches the padded input and crops the result: its adjoint
        # pads the value by the crops and crops the transposed result by the paddings.
        batched = space_to_batch_nd(value, [rate, rate], crops)
        batched_spatial = math_ops.floordiv(spatial + paddings[:, 0] + paddings[:, 1], rate)
        sizes = array_ops.concat([output_shape[:1] * rate * rate, batched_spatial,
                                  output_shape[3:]], 0)
        transposed = conv2d_backprop_input(sizes, filters, batched, [1, 1, 1, 1], "VALID")
        return batch_to_space_nd(transposed, [rate, rate], paddings)
