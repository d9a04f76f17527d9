"""Convolutions and pools built from the 2-D ops, as TF builds them: conv1d (and transpose),
1-D pools, ``convolution`` / ``atrous_conv2d`` (dilation through SpaceToBatchND), ``pool``,
``conv_transpose`` and the v2 pool spellings. NHWC / NWC layouts only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, conv_ops
from tfcompat.ops.space_ops import batch_to_space_nd, space_to_batch_nd


def _check_channels_last(data_format, allowed: Sequence[str]) -> None:
    if data_format not in (None,) + tuple(allowed):
        raise NotImplementedError(f"data_format {data_format} is not supported by tfcompat yet")


def _one(value, name: str) -> int:
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return int(value[0])
        if len(value) == 3:
            return int(value[1])
        raise ValueError(f"{name} should be of length 1 or 3. Received: {name}={value} of "
                         f"length {len(value)}")
    return int(value)


# ---- 1-D through 2-D -------------------------------------------------------------------------

def conv1d(value=None, filters=None, stride=None, padding=None, use_cudnn_on_gpu=None,
           data_format=None, name=None, input=None, dilations=None) -> Tensor:  # noqa: A002
    """1-D convolution of ``[batch, width, in_channels]`` with ``[width, in, out]`` filters."""
    value = input if value is None else value
    _check_channels_last(data_format, ("NWC", "NHWC"))
    with ops.name_scope(name, "conv1d", [value, filters]) as scope:
        return _conv1d_in_scope(value, filters, stride, padding, dilations, scope)


def _conv1d_in_scope(value, filters, stride, padding, dilations, scope) -> Tensor:
    value = array_ops.expand_dims(value, 1)
    filters = array_ops.expand_dims(filters, 0)
    stride = _one(stride, "stride")
    dilation = 1 if dilations is None else _one(dilations, "dilations")
    result = conv_ops.conv2d(value, filters, [1, 1, stride, 1], padding,
                             dilations=[1, 1, dilation, 1], name=scope)
    return array_ops.squeeze(result, [1])


def conv1d_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                     data_format="NWC", dilations=None, name=None) -> Tensor:
    """The transpose (gradient) of conv1d; ``filters`` is ``[width, out, in]``."""
    _check_channels_last(data_format, ("NWC",))
    with ops.name_scope(name, "conv1d_transpose", [input, filters, output_shape]) as scope:
        value = array_ops.expand_dims(input, 1)
        filters = array_ops.expand_dims(filters, 0)
        output_shape = convert_to_tensor(output_shape, name="output_shape")
        full_shape = array_ops.concat([output_shape[:1], [1], output_shape[1:]], 0)
        stride = _one(strides, "strides")
        dilation = 1 if dilations is None else _one(dilations, "dilations")
        result = conv_ops.conv2d_backprop_input(full_shape, filters, value, [1, 1, stride, 1],
                                                padding, dilations=[1, 1, dilation, 1],
                                                name=scope)
        return array_ops.squeeze(result, [1])


def _pool1d(pool_fn: Callable, default_name: str, input, ksize, strides, padding,  # noqa: A002
            data_format, name) -> Tensor:
    _check_channels_last(data_format, ("NWC",))
    with ops.name_scope(name, default_name, [input]) as scope:
        value = array_ops.expand_dims(input, 1)
        ksize = [1, 1, _one(ksize, "ksize"), 1]
        strides = [1, 1, _one(strides, "strides"), 1]
        return array_ops.squeeze(pool_fn(value, ksize, strides, padding, name=scope), [1])


def max_pool1d(input, ksize, strides, padding, data_format="NWC", name=None) -> Tensor:  # noqa: A002
    """Max pooling over the width of ``[batch, width, channels]``."""
    return _pool1d(conv_ops.max_pool, "MaxPool1d", input, ksize, strides, padding, data_format,
                   name)


def avg_pool1d(input, ksize, strides, padding, data_format="NWC", name=None) -> Tensor:  # noqa: A002
    """Average pooling over the width of ``[batch, width, channels]``."""
    return _pool1d(conv_ops.avg_pool, "AvgPool1D", input, ksize, strides, padding, data_format,
                   name)


def max_pool_v2(input, ksize, strides, padding, data_format=None, name=None) -> Tensor:  # noqa: A002
    """``tf.nn.max_pool`` of TF2: 1-D or 2-D by the input rank."""
    rank = convert_to_tensor(input).shape.ndims
    if rank == 3:
        return max_pool1d(input, ksize, strides, padding, data_format or "NWC", name)
    return conv_ops.max_pool2d(input, ksize, strides, padding, data_format or "NHWC", name)


def avg_pool_v2(input, ksize, strides, padding, data_format=None, name=None) -> Tensor:  # noqa: A002
    """``tf.nn.avg_pool`` of TF2: 1-D or 2-D by the input rank."""
    rank = convert_to_tensor(input).shape.ndims
    if rank == 3:
        return avg_pool1d(input, ksize, strides, padding, data_format or "NWC", name)
    return conv_ops.avg_pool(input, ksize, strides, padding, data_format or "NHWC", name)


# ---- dilation through space-to-batch ----------------------------------------------------------

def _space_to_batch_geometry(spatial: Sequence[int], filter_spatial: Sequence[int],
                             rates: Sequence[int], padding: str):
    """Paddings and crops making a dilated convolution a VALID one on space-to-batch blocks."""
    paddings, crops = [], []
    for size, k, rate in zip(spatial, filter_spatial, rates):
        if padding == "SAME":
            total = (k - 1) * rate
            base = [total // 2, total - total // 2]
        else:
            base = [0, 0]
        extra = (-(size + base[0] + base[1])) % rate
        paddings.append([base[0], base[1] + extra])
        crops.append([0, extra])
    return paddings, crops


def with_space_to_batch_dilated(conv: Callable, value: Tensor, filter_spatial: Sequence[int],
                                rates: Sequence[int], padding: str, scope: str) -> Tensor:
    """conv(VALID) on SpaceToBatchND blocks, then BatchToSpaceND: a dilated ``padding`` conv."""
    spatial = value.shape.as_tuple()[1:1 + len(rates)] if value.shape.ndims else None
    if spatial is None or None in spatial or None in filter_spatial:
        raise NotImplementedError("dilated convolutions need static spatial sizes in tfcompat")
    paddings, crops = _space_to_batch_geometry(spatial, filter_spatial, rates, padding)
    blocks = space_to_batch_nd(value, list(rates), paddings)
    result = conv(blocks, scope)
    return batch_to_space_nd(result, list(rates), crops)


def convolution(input, filter, padding, strides=None, dilation_rate=None, name=None,  # noqa: A002
                data_format=None, filters=None, dilations=None) -> Tensor:
    """N-d convolution (N = 1 or 2 here): Conv2D, with dilation through space-to-batch."""
    filter = filters if filter is None else filter  # noqa: A001
    dilation_rate = dilations if dilation_rate is None else dilation_rate
    _check_channels_last(data_format, ("NWC", "NHWC"))
    with ops.name_scope(name, "convolution", [input, filter]) as scope:
        value = convert_to_tensor(input, name="input")
        filter = convert_to_tensor(filter, name="filter")  # noqa: A001
        n = value.shape.ndims - 2 if value.shape.ndims else filter.shape.ndims - 2
        if n not in (1, 2):
            raise NotImplementedError(f"{n}-D convolution is not supported by tfcompat yet")
        rates = [1] * n if dilation_rate is None else [int(r) for r in (
            [dilation_rate] * n if isinstance(dilation_rate, int) else dilation_rate)]
        stride_list = [1] * n if strides is None else [int(s) for s in (
            [strides] * n if isinstance(strides, int) else strides)]
        if any(r > 1 for r in rates) and any(s > 1 for s in stride_list):
            raise ValueError("strides > window_shape not supported due to inconsistency "
                             "between CPU and GPU implementations")
        if n == 1:
            if any(r > 1 for r in rates):
                value = array_ops.expand_dims(value, 1)
                filter = array_ops.expand_dims(filter, 0)  # noqa: A001
                result = with_space_to_batch_dilated(
                    lambda blocks, s: conv_ops.conv2d(blocks, filter, [1, 1, 1, 1], "VALID",
                                                      name=s),
                    value, filter.shape.as_tuple()[:2], [1] + rates, padding, scope)
                return array_ops.squeeze(result, [1])
            return _conv1d_in_scope(value, filter, stride_list[0], padding, None, scope)
        if any(r > 1 for r in rates):
            return with_space_to_batch_dilated(
                lambda blocks, s: conv_ops.conv2d(blocks, filter, [1, 1, 1, 1], "VALID",
                                                  name=s),
                value, filter.shape.as_tuple()[:2], rates, padding, scope)
        return conv_ops.conv2d(value, filter, [1] + stride_list + [1], padding, name=scope)


def atrous_conv2d(value, filters, rate, padding, name=None) -> Tensor:
    """2-D convolution with holes: ``convolution`` with dilation ``rate``."""
    return convolution(value, filters, padding, dilation_rate=[int(rate)] * 2, name=name)


def conv_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                   data_format=None, dilations=None, name=None) -> Tensor:
    """Transposed convolution of rank 1 or 2 by the input rank."""
    rank = convert_to_tensor(input).shape.ndims
    if rank == 3:
        return conv1d_transpose(input, filters, output_shape, strides, padding,
                                data_format or "NWC", dilations, name or "conv1d_transpose")
    if rank != 4:
        raise NotImplementedError(f"conv_transpose of rank {rank} is not supported by tfcompat "
                                  "yet")
    with ops.name_scope(name, "conv_transpose", [input, filters, output_shape]) as scope:
        return conv_ops.conv2d_backprop_input(
            output_shape, filters, input, _four(strides), padding,
            dilations=_four(dilations or 1), name=scope)


def _four(value) -> list[int]:
    """An int, 2 ints or 4 ints as the 4 NHWC entries of a 2-D window attr."""
    if isinstance(value, int):
        return [1, value, value, 1]
    value = [int(v) for v in value]
    return value if len(value) == 4 else [1] + value + [1]


def pool(input, window_shape, pooling_type, padding, dilation_rate=None,  # noqa: A002
         strides=None, name=None, data_format=None, dilations=None) -> Tensor:
    """N-d pooling (N = 1 or 2 here) of type "MAX" or "AVG"."""
    if pooling_type not in ("MAX", "AVG"):
        raise ValueError(f"Invalid pooling_type: {pooling_type}")
    dilation_rate = dilations if dilation_rate is None else dilation_rate
    if dilation_rate is not None and any(int(r) != 1 for r in dilation_rate):
        raise NotImplementedError("dilated pooling is not supported by tfcompat yet")
    window = [int(w) for w in window_shape]
    stride_list = [1] * len(window) if strides is None else [int(s) for s in strides]
    n = len(window)
    default = ("max_pool" if pooling_type == "MAX" else "avg_pool")
    with ops.name_scope(name, default, [input]) as scope:
        if n == 1:
            fn = max_pool1d if pooling_type == "MAX" else avg_pool1d
            return fn(input, window[0], stride_list[0], padding, name=scope)
        if n != 2:
            raise NotImplementedError(f"{n}-D pooling is not supported by tfcompat yet")
        fn = conv_ops.max_pool if pooling_type == "MAX" else conv_ops.avg_pool
        return fn(input, [1] + window + [1], [1] + stride_list + [1], padding, name=scope)
