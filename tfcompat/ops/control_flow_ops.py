"""Grouping and ordering ops: no_op, group, tuple, with_dependencies."""

from __future__ import annotations

import builtins

from tfcompat.framework import ops
from tfcompat.framework.common_shapes import no_outputs
from tfcompat.framework.indexed_slices import IndexedSlices
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


def _flatten_inputs(inputs) -> list:
    """The leaves of nested lists, tuples and dicts (dicts in key order), as TF's nest."""
    leaves = []
    for item in inputs:
        if isinstance(item, dict):
            leaves.extend(_flatten_inputs([item[k] for k in sorted(item)]))
        elif isinstance(item, (list, builtins.tuple)):
            leaves.extend(_flatten_inputs(item))
        else:
            leaves.append(item)
    return leaves


def group(*inputs, name=None) -> Operation:
    """An op that runs all ``inputs`` (a NoOp with control inputs; ``tf.group``). ``inputs``
    may be nested lists, tuples and dicts of tensors and operations."""
    with ops.name_scope(name, "group_deps", inputs) as scope:
        deps = []
        for item in _flatten_inputs(inputs):
            if not isinstance(item, (Operation, Tensor)) and not hasattr(item, "op"):
                raise TypeError("'inputs' should be zero or more (nested) Tensors. Received "
                                f"'{item}' with type '{type(item)}'.")
            op = _as_op(item)
            if op not in deps:
                deps.append(op)
        graph = ops.get_default_graph()
        with graph.control_dependencies(deps):
            return no_op(name=scope)


def with_dependencies(dependencies, output_tensor, name=None):
    """``output_tensor`` passed through an Identity that runs after ``dependencies`` (for
    IndexedSlices, its values)."""
    with ops.name_scope(name, "control_dependency",
                        list(dependencies) + [output_tensor]) as scope:
        graph = ops.get_default_graph()
        anchor = (output_tensor.values if isinstance(output_tensor, IndexedSlices)
                  else output_tensor)
        with graph.colocate_with(anchor), graph.control_dependencies(dependencies):
            if isinstance(output_tensor, IndexedSlices):
                return IndexedSlices(array_ops.identity(output_tensor.values, name=scope),
                                     output_tensor.indices, output_tensor.dense_shape)
            if output_tensor.dtype.is_ref_dtype:
                return array_ops.ref_identity(output_tensor, name=scope)
            return array_ops.identity(output_tensor, name=scope)


def tuple(tensors, name=None, control_inputs=None) -> list:  # noqa: A001 - TF's name
    """Tensors (or IndexedSlices) gated on each other: each output is available only after
    all inputs (and ``control_inputs``) are (``tf.tuple``)."""
    with ops.name_scope(name, "tuple", tensors):
        if not tensors:
            raise ValueError(f"'tensors' must have at least one Tensor. Received: {tensors}.")
        gating = [_as_op(t) for t in tensors if t is not None]
        for c in control_inputs or []:
            if not isinstance(c, (Operation, Tensor)):
                raise TypeError("'control_inputs' must only contain Operation or Tensor. "
                                f"Received: {type(c)}")
            gating.append(_as_op(c))
        gate = group(*gating)
        return [None if t is None else with_dependencies([gate], t) for t in tensors]


def initialized_value(variable) -> Tensor:
    """The variable's value once initialized, else its initial value (``cond`` on
    ``is_variable_initialized``, as TF builds it)."""
    from tfcompat.ops import control_flow_v1, state_ops
    return control_flow_v1.cond(state_ops.is_variable_initialized(variable),
                                variable.read_value, lambda: variable.initial_value)
