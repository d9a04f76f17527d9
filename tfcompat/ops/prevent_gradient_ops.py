"""PreventGradient: the identity whose gradient is an error (``tf.raw_ops.PreventGradient``).

A fused op whose gradient is itself a forward output (CTCLoss) passes that output through this op,
so asking for a second derivative fails with TF's LookupError instead of silently returning a
wrong (first-order-only) value.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op


def _prevent_gradient_grad(op, grad):
    # TF formats the attr as the bytes it stores (b"..." / b'...').
    reason = repr(op._attrs["message"].encode("utf-8"))
    raise LookupError(f"Gradient explicitly disabled. Reason: {reason}")


register_op("PreventGradient", inputs=("input: T",), kernel=np.asarray,
            shape_fn=unchanged_shape, attr_defaults={"message": ""},
            grad=_prevent_gradient_grad)


def prevent_gradient(input, message="", name=None) -> Tensor:  # noqa: A002 - TF's name
    """``input`` unchanged; differentiating through it raises LookupError naming ``message``."""
    return apply_op("PreventGradient", [input], name=name, attrs={"message": str(message)})
