"""TF1/TF2 behaviour switches (``tf.disable_v2_behavior()`` & co.).

tfcompat always behaves as TensorFlow 1 graph mode, i.e. as TF 2.x after
``tf.compat.v1.disable_v2_behavior()``. Switches that ask for that behaviour are accepted and do
nothing; switches that ask for a TF2 behaviour tfcompat does not have (eager execution, v2
control flow, v2 TensorShape, elementwise Tensor equality) raise NotImplementedError saying so,
rather than letting the program run with semantics it did not ask for. Resource variables are a
recorded preference only (see ``enable_resource_variables``).
"""

from __future__ import annotations

from typing import NoReturn

__all__ = [
    "control_flow_v2_enabled", "disable_control_flow_v2", "disable_eager_execution",
    "disable_resource_variables", "disable_tensor_equality", "disable_v2_behavior",
    "disable_v2_tensorshape", "enable_control_flow_v2", "enable_eager_execution",
    "enable_resource_variables", "enable_tensor_equality", "enable_v2_behavior",
    "enable_v2_tensorshape", "executing_eagerly", "executing_eagerly_outside_functions",
    "resource_variables_enabled",
]

_resource_variables = False


def _graph_mode_only(switch: str, behaviour: str) -> NoReturn:
    raise NotImplementedError(
        f"tf.{switch}() is not supported by tfcompat: {behaviour} is a TensorFlow 2 behaviour, "
        "and tfcompat implements TensorFlow 1 graph mode only (build a graph, run it in a "
        "tf.Session).")


def disable_v2_behavior() -> None:
    """Turns off TF2 behaviour: tfcompat never has it, so this does nothing."""


def enable_v2_behavior() -> NoReturn:
    """Not supported: TF2 behaviour means eager execution."""
    _graph_mode_only("enable_v2_behavior", "eager execution")


def disable_eager_execution() -> None:
    """Turns off eager execution: tfcompat always builds graphs, so this does nothing."""


def enable_eager_execution(config=None, device_policy=None, execution_mode=None) -> NoReturn:
    """Not supported: tfcompat has no eager mode."""
    _graph_mode_only("enable_eager_execution", "eager execution")


def executing_eagerly() -> bool:
    """Returns False: tfcompat always builds graphs."""
    return False


def executing_eagerly_outside_functions() -> bool:
    """Returns False: tfcompat always builds graphs."""
    return False


def disable_v2_tensorshape() -> None:
    """Keeps TF1 TensorShape semantics (Dimension objects): tfcompat's only semantics."""


def enable_v2_tensorshape() -> NoReturn:
    """Not supported: tfcompat's TensorShape is TF1's."""
    _graph_mode_only("enable_v2_tensorshape", "TensorShape indexing that returns ints")


def disable_control_flow_v2() -> None:
    """Keeps TF1 control flow (Switch/Merge): tfcompat's only control flow."""


def enable_control_flow_v2() -> NoReturn:
    """Not supported: tfcompat builds TF1 control flow."""
    _graph_mode_only("enable_control_flow_v2", "v2 control flow (If/While ops)")


def control_flow_v2_enabled() -> bool:
    """Returns False: tfcompat builds TF1 control flow."""
    return False


def disable_tensor_equality() -> None:
    """Keeps TF1 ``Tensor.__eq__`` (identity): tfcompat's only semantics."""


def enable_tensor_equality() -> NoReturn:
    """Not supported: tfcompat's ``Tensor.__eq__`` is TF1's identity comparison."""
    _graph_mode_only("enable_tensor_equality", "elementwise Tensor ==")


def enable_resource_variables() -> None:
    """Records that resource variables were requested.

    Accepted so TF1 programs that call it run; ``resource_variables_enabled()`` reports the
    request. Variables whose numerics do not depend on it behave the same either way.
    """
    global _resource_variables
    _resource_variables = True


def disable_resource_variables() -> None:
    """Records that reference (TF1) variables were requested, tfcompat's default."""
    global _resource_variables
    _resource_variables = False


def resource_variables_enabled() -> bool:
    """Returns whether ``enable_resource_variables()`` was called (and not undone)."""
    return _resource_variables
