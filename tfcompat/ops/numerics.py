"""``tf.check_numerics`` and the checks built on it: NaN/Inf detection when a graph runs."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import apply_op
from tfcompat.ops import control_flow_ops

_CHECKED_DTYPES = (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64)


def _check_numerics_kernel(tensor, message):
    has_nan = bool(np.isnan(tensor).any())
    has_inf = bool(np.isinf(tensor).any())
    if has_nan or has_inf:
        found = "Inf and NaN" if has_nan and has_inf else ("NaN" if has_nan else "Inf")
        raise errors.InvalidArgumentError(None, None, f"{message} : Tensor had {found} values")
    return tensor


def _check_numerics_grad(op, grad):
    # The gradient flowing back is checked too, naming the forward check's message.
    message = ("Not a number (NaN) or infinity (Inf) values detected in gradient. "
               f"{op.get_attr('message')}")
    return check_numerics(grad, message)


register_op("CheckNumerics", inputs=("tensor: T",), kernel=_check_numerics_kernel,
            kernel_attrs=("message",), allowed={"T": _CHECKED_DTYPES},
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            stateful=True, attr_defaults={"message": ""}, grad=_check_numerics_grad)


def check_numerics(tensor, message, name=None):
    """``tensor`` passed through, or InvalidArgumentError ``<message> : Tensor had NaN values``
    (or Inf) when it holds one (``tf.debugging.check_numerics``)."""
    return apply_op("CheckNumerics", [tensor], name=name, attrs={"message": message})


def verify_tensor_all_finite(t=None, msg=None, name=None, x=None, message=None):
    """``t`` after a CheckNumerics of it (``tf.verify_tensor_all_finite`` /
    ``tf.debugging.assert_all_finite``): ``VerifyFinite/control_dependency``."""
    t = x if t is None else t
    msg = message if msg is None else msg
    with ops.name_scope(name, "VerifyFinite", [t]):
        t = ops.convert_to_tensor(t, name="t")
        with ops.get_default_graph().colocate_with(t):
            verify = check_numerics(t, message=msg)
            return control_flow_ops.with_dependencies([verify], t)


def add_check_numerics_ops():
    """A CheckNumerics for every floating output of every op in the default graph so far,
    each run after the one before; returns a group of the last, which runs them all
    (``tf.add_check_numerics_ops``)."""
    graph = ops.get_default_graph()
    checks = []
    for op in graph.get_operations():
        for output in op.outputs:
            if output.dtype.base_dtype not in _CHECKED_DTYPES:
                continue
            if op._control_flow_context is not None:
                raise ValueError(
                    "`tf.add_check_numerics_ops() is not compatible with TensorFlow control "
                    "flow operations such as `tf.cond()` or `tf.while_loop()`.")
            message = f"{op.name}:{output.value_index}"
            with graph.control_dependencies(checks[-1:]):
                checks.append(check_numerics(output, message))
    return control_flow_ops.group(*checks[-1:])
