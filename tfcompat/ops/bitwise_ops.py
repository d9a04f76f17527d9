"""``tf.bitwise``: and/or/xor/invert and shifts on integer tensors (not differentiable)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE
from tfcompat.ops.op_helpers import INTS, binary_op, unary_op


def _clamped_shift(shift_fn):
    """TF clamps the shift amount to [0, bits - 1] (numpy leaves larger shifts undefined)."""
    def kernel(x, y):
        x, y = np.asarray(x), np.asarray(y)
        bits = x.dtype.itemsize * 8
        return shift_fn(x, np.clip(y, 0, bits - 1).astype(x.dtype)).astype(x.dtype)
    return kernel


bitwise_and = binary_op("BitwiseAnd", np.bitwise_and, INTS,
                        "Elementwise bitwise AND of x and y.", grad=NOT_DIFFERENTIABLE)
bitwise_or = binary_op("BitwiseOr", np.bitwise_or, INTS,
                       "Elementwise bitwise OR of x and y.", grad=NOT_DIFFERENTIABLE)
bitwise_xor = binary_op("BitwiseXor", np.bitwise_xor, INTS,
                        "Elementwise bitwise XOR of x and y.", grad=NOT_DIFFERENTIABLE)
left_shift = binary_op("LeftShift", _clamped_shift(np.left_shift), INTS,
                       "Elementwise x << y (y clamped to [0, bits - 1]).",
                       grad=NOT_DIFFERENTIABLE)
right_shift = binary_op("RightShift", _clamped_shift(np.right_shift), INTS,
                        "Elementwise x >> y, arithmetic for signed types (y clamped to "
                        "[0, bits - 1]).", grad=NOT_DIFFERENTIABLE)
invert = unary_op("Invert", np.invert, INTS, "Flips every bit of x (~x).",
                  grad=NOT_DIFFERENTIABLE)
