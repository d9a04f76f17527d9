"""How many floating-point operations one graph op costs, as tfprof counts them.

Only op types with a rule here are counted (everything else costs 0, as in TensorFlow, where
e.g. Relu and Exp have no registered FLOPs statistic). A rule needs fully defined static shapes;
when they are missing the op is reported as "incomplete" and skipped.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tfcompat.framework.operation import Operation


class IncompleteShape(Exception):
    """An op's shapes are not fully defined, so its FLOPs cannot be counted statically."""


def _dims(tensor) -> list[int]:
    shape = tensor.shape
    if shape.rank is None or not shape.is_fully_defined():
        raise IncompleteShape(tensor.name)
    return shape.as_list()


def _elements(tensor) -> int:
    return int(np.prod(_dims(tensor), dtype=np.int64))


def _output_elements(op: Operation) -> int:
    return _elements(op.outputs[0])


def _per_output_element(factor: int) -> Callable[[Operation], int]:
    return lambda op: factor * _output_elements(op)


def _per_input_element(factor: int, offset: int = 0) -> Callable[[Operation], int]:
    return lambda op: factor * _elements(op.inputs[0]) + offset


def _reduction(reduce_flops: int, finalize_flops: int) -> Callable[[Operation], int]:
    # One reduce step per input element, minus the one each output starts from, plus a
    # finishing step per output (Mean's division).
    def count(op: Operation) -> int:
        inputs = _elements(op.inputs[0])
        outputs = _output_elements(op)
        return inputs * reduce_flops + outputs * (finalize_flops - reduce_flops)
    return count


def _add_n(op: Operation) -> int:
    return (len(op.inputs) - 1) * _output_elements(op)


def _mat_mul(op: Operation) -> int:
    a = _dims(op.inputs[0])
    _dims(op.inputs[1])
    k = a[0] if op.get_attr("transpose_a") else a[1]
    return 2 * k * _output_elements(op)


def _conv_2d(op: Operation) -> int:
    kernel = _dims(op.inputs[1])
    _dims(op.inputs[0])
    kh, kw, in_channels = kernel[0], kernel[1], kernel[2]
    return 2 * _output_elements(op) * kh * kw * in_channels


def _pool(op: Operation) -> int:
    _dims(op.inputs[0])
    ksize = op.get_attr("ksize")
    return _output_elements(op) * int(np.prod(ksize))


def _depthwise_conv_2d(op: Operation) -> int:
    kernel = _dims(op.inputs[1])
    _dims(op.inputs[0])
    return 2 * _output_elements(op) * kernel[0] * kernel[1]


def _conv_2d_backprop(filter_shape: Callable[[Operation], list[int]]) -> Callable[[Operation], int]:
    # Both backprops cost what the forward convolution costs: one multiply-add per kernel tap
    # per element of the output gradient.
    def count(op: Operation) -> int:
        kh, kw, in_channels = filter_shape(op)[:3]
        return 2 * _elements(op.inputs[2]) * kh * kw * in_channels
    return count


def _avg_pool_grad(op: Operation) -> int:
    _dims(op.inputs[0])
    return 2 * _elements(op.inputs[1]) * int(np.prod(op.get_attr("ksize")))


def _max_pool_grad(op: Operation) -> int:
    _dims(op.inputs[0])
    grad = _elements(op.inputs[2])
    return grad * int(np.prod(op.get_attr("ksize"))) + grad


_ELEMENTWISE_BINARY = (
    "Add", "AddV2", "Sub", "Mul", "RealDiv", "Maximum", "Minimum", "Pow",
    "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "BiasAdd",
)
_ELEMENTWISE_UNARY = ("Neg", "Log", "Reciprocal", "Square", "AssignAdd", "AssignSub")

FLOP_RULES: dict[str, Callable[[Operation], int]] = {
    **{op_type: _per_output_element(1) for op_type in _ELEMENTWISE_BINARY},
    **{op_type: _per_input_element(1) for op_type in _ELEMENTWISE_UNARY},
    "Rsqrt": _per_input_element(2),
    "SquaredDifference": _per_output_element(2),
    "Softmax": _per_input_element(5),
    "L2Loss": _per_input_element(3, -1),
    "AddN": _add_n,
    "Sum": _reduction(1, 0),
    "Mean": _reduction(1, 1),
    "ArgMax": _reduction(1, 0),
    "ArgMin": _reduction(1, 0),
    "MatMul": _mat_mul,
    "Conv2D": _conv_2d,
    "MaxPool": _pool,
    "AvgPool": _pool,
    "DepthwiseConv2dNative": _depthwise_conv_2d,
    "Conv2DBackpropInput": _conv_2d_backprop(lambda op: _dims(op.inputs[1])),
    "Conv2DBackpropFilter": _conv_2d_backprop(lambda op: _dims(op.outputs[0])),
    "AvgPoolGrad": _avg_pool_grad,
    "MaxPoolGrad": _max_pool_grad,
}


def float_ops(op: Operation) -> int | None:
    """The op's FLOPs; 0 for op types without a rule; None when its shapes are incomplete."""
    rule = FLOP_RULES.get(op.type)
    if rule is None:
        return 0
    try:
        return int(rule(op))
    except IncompleteShape:
        return None
