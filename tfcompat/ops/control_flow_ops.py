"""Grouping and ordering ops: no_op, group, tuple, with_dependencies."""

from __future__ import annotations

import builtins

from tfcompat.framework import ops
from tfcompat.framework.common_shapes import no_outputs
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Operation, Tensor, apply_op
from tfcompat.ops import array_ops

register_op("NoOp", shape_fn=no_outputs, kernel=lambda: None,
            grad=NOT_DIFFERENTIABLE)


def no_op(name=None) -> Operation:
    """Does nothing; only useful as a placeholder for control edges (``tf.no_op``)."""
    return apply_op("NoOp", [], name=name)


def _as_op(x) -> Operation:
    if isinstance(x, Operation):
        return x
    if isinstance(x, Tensor):
        return x.op
    if hasattr(x, "_as_graph_element"):
        element = x._as_graph_element()
        return element.op if isinstance(element, Tensor) else element
    if hasattr(x, "op"):
        return x.op
    raise TypeError(f"Expected Tensor or Operation, got {x!r}")


def group(*inputs, name=None) -> Operation:
    """An op that runs all ``inputs`` (a NoOp with control inputs; ``tf.group``)."""
    with ops.name_scope(name, "group_deps", inputs) as scope:
        deps = []
        for item in inputs:
            if item is None:
                continue
            items = item if isinstance(item, (list, builtins.tuple)) else [item]
            for x in items:
                op = _as_op(x)
                if op not in deps:
                    deps.append(op)
        graph = ops.get_default_graph()
        with graph.control_dependencies(deps):
            return no_op(name=scope)


def with_dependencies(dependencies, output_tensor, name=None) -> Tensor:
    """``output_tensor`` passed through an Identity that runs after ``dependencies``."""
    with ops.name_scope(name, "control_dependency",
                        list(dependencies) + [output_tensor]) as scope:
        graph = ops.get_default_graph()
        with graph.colocate_with(output_tensor), graph.control_dependencies(dependencies):
            if output_tensor.dtype.is_ref_dtype:
                return array_ops.ref_identity(output_tensor, name=scope)
            return array_ops.identity(output_tensor, name=scope)


def tuple(tensors, name=None, control_inputs=None) -> list:  # noqa: A001 - TF's name
    """Tensors gated on each other: each output is available only after all inputs are."""
    with ops.name_scope(name, "tuple", tensors) as scope:
        del scope
        gating = [t.op for t in tensors if t is not None]
        if control_inputs:
            gating += [_as_op(c) for c in control_inputs]
        gate = group(*gating)
        return [None if t is None else with_dependencies([gate], t) for t in tensors]


def initialized_value(variable) -> Tensor:
    """The variable's value once initialized, else its initial value (``cond`` on
    ``is_variable_initialized``, as TF builds it)."""
    from tfcompat.ops import control_flow_v1, state_ops
    return control_flow_v1.cond(state_ops.is_variable_initialized(variable),
                                variable.read_value, lambda: variable.initial_value)
