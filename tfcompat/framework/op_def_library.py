"""Adding ops of registered types from Python values, as TF's op-def library does: inputs are
converted to Tensors, type attrs inferred and checked, the op named in its scope."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from tfcompat.framework import dtypes, op_registry
from tfcompat.framework.graph import Graph, get_default_graph
from tfcompat.framework.name_scopes import graph_of
from tfcompat.framework.operation import Operation, SharedAttrs
from tfcompat.framework.tensor import Tensor
from tfcompat.framework.tensor_conversion import convert_to_tensor


def apply_op(op_type: str, inputs: Sequence[Any], *, name=None, attrs: dict | None = None,
             graph: Graph | None = None):
    """Adds an op of a registered type, converting inputs as TF's op-def library does.

    Returns the single output Tensor, the list of outputs, or the Operation if it has none.
    """
    op = None
    op_def = op_registry.get_op_def(op_type)
    if op_def.single_type_attr is not None and not attrs and len(inputs) == len(op_def.inputs):
        op = _create_from_tensors(op_def, inputs, name, graph)
    if op is None:
        op = create_op_from_values(op_type, inputs, name=name, attrs=attrs, graph=graph)
    outputs = op._outputs
    if len(outputs) == 1:
        return outputs[0]
    if not outputs:
        return op
    return outputs


def create_op_from_values(op_type: str, inputs: Sequence[Any], *, name=None,
                          attrs: dict | None = None, graph: Graph | None = None) -> Operation:
    op_def = op_registry.get_op_def(op_type)
    if len(inputs) != len(op_def.inputs):
        raise TypeError(f"{op_type} takes {len(op_def.inputs)} inputs, got {len(inputs)}")
    if op_def.single_type_attr is not None and not attrs:
        op = _create_from_tensors(op_def, inputs, name, graph)
        if op is not None:
            return op
    attrs = dict(attrs) if attrs else {}
    if inputs and all(type(v) is Tensor for v in inputs):
        # Fast path: nothing to convert, so no op is created inside the op's name scope.
        first_graph = inputs[0]._op._graph
        if (graph is None or graph is first_graph) and not Graph._capturing_depth:
            for v in inputs:
                if v._op._graph is not first_graph:
                    raise ValueError(f"{v} must be from the same graph as {inputs[0]} (graphs "
                                     f"are {v._op._graph!r} and {first_graph!r}).")
            scope = first_graph._scope_for(name if name is not None else op_type)
            tensors = _convert_inputs(op_def, inputs, attrs, op_type)
            return first_graph._create_op(op_type, tensors, attrs, scope)
    if graph is None:
        graph = graph_of(_flatten_values(inputs)) if inputs else get_default_graph()
    with graph.as_default() if graph is not get_default_graph() else _NULL_CONTEXT:
        with graph.name_scope(name if name is not None else op_type) as scope:
            tensors = _convert_inputs(op_def, inputs, attrs, op_type)
            return graph._create_op(op_type, tensors, attrs, scope)


def _create_from_tensors(op_def: op_registry.OpDef, inputs: Sequence[Any], name,
                         graph: Graph | None) -> Operation | None:
    """The common case made cheap: an op whose inputs all take one type attr (``x: T``,
    ``y: T``), given Tensors of one graph (a plain Graph, not capturing) and one allowed dtype.
    Returns None for anything else, which the general path then builds or rejects with TF's
    error."""
    first = inputs[0]
    if type(first) is not Tensor or Graph._capturing_depth:
        return None
    first_graph = first._op._graph
    if type(first_graph) is not Graph or (graph is not None and graph is not first_graph):
        return None
    dtype = first._dtype
    if dtype._base is not None:
        dtype = dtype._base
    for v in inputs:
        if type(v) is not Tensor or v._op._graph is not first_graph:
            return None
        v_dtype = v._dtype
        if v_dtype is not dtype and v_dtype._base is not dtype:
            return None
    type_attr = op_def.single_type_attr
    allowed = op_def.allowed_enums.get(type_attr)
    if allowed is not None and dtype._enum not in allowed:
        return None
    if name is None and op_def.type_is_valid_name:
        op_name = first_graph.unique_name(op_def.type)
    else:
        op_name = first_graph._scope_for(name if name is not None else op_def.type)[:-1]
    if first_graph._finalized:
        raise RuntimeError("Graph is finalized and cannot be modified.")
    if op_name in first_graph._ops_by_name:
        raise ValueError(f"Duplicate node name in graph: '{op_name}'")
    if op_def.attr_defaults or first_graph._gradient_override_map \
            or first_graph._colocation_stack:
        attrs = {type_attr: dtype}  # the graph adds attrs to this op's own dict
    else:
        key = (type_attr, dtype._enum)
        attrs = _SHARED_ATTRS.get(key)
        if attrs is None:
            attrs = _SHARED_ATTRS[key] = SharedAttrs({type_attr: dtype})
    return first_graph._add_op(op_def, inputs, attrs, op_name)


# (type attr, dtype enum) -> the one attrs dict of the fast path's ops typed so (SharedAttrs)
_SHARED_ATTRS: dict[tuple[str, int], SharedAttrs] = {}


_NULL_CONTEXT = contextlib.nullcontext()


def _flatten_values(inputs):
    for v in inputs:
        if isinstance(v, (list, tuple)):
            yield from v
        else:
            yield v


def _convert_inputs(op_def: op_registry.OpDef, inputs: Sequence[Any], attrs: dict,
                    op_type: str) -> list[Tensor]:
    tensors: list[Tensor] = []
    inferred: dict[str, dtypes.DType] = {}
    first_arg_of: dict[str, str] = {}
    for key, value in attrs.items():
        if isinstance(value, dtypes.DType):
            inferred[key] = value
    for spec, value in zip(op_def.inputs, inputs):
        if spec.type_list_attr is not None:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"Expected list for '{spec.name}' argument to '{op_type}' Op, not "
                                f"{value}.")
            converted = [convert_to_tensor(v, name=f"{spec.name}_{i}")
                         for i, v in enumerate(value)]
            attrs[spec.type_list_attr] = [t._dtype.base_dtype for t in converted]
            tensors.extend(converted)
            continue
        values = value if spec.number_attr is not None else [value]
        if spec.number_attr is not None:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"Expected list for '{spec.name}' argument to '{op_type}' Op, not "
                                f"{value}.")
            attrs[spec.number_attr] = len(values)
        if spec.number_attr is not None and spec.type_attr is not None \
                and spec.type_attr not in inferred:
            converted = [convert_to_tensor(v, name=spec.name, as_ref=spec.is_ref)
                         if isinstance(v, Tensor) or hasattr(v, "_as_graph_element") else v
                         for v in values]
            kinds = [v._dtype.base_dtype for v in converted if isinstance(v, Tensor)]
            if len(set(kinds)) > 1:
                raise TypeError(f"Tensors in list passed to '{spec.name}' of '{op_type}' Op have "
                                f"types [{', '.join(k.name for k in kinds)}] that don't all "
                                "match.")
            values = converted
        if spec.number_attr is None:
            tensors.append(_convert_input(op_def, spec, value, inferred, first_arg_of, op_type))
            continue
        for i, v in enumerate(values):
            # TF names the Consts made for list elements by index: values_0, values_1...
            tensors.append(_convert_input(op_def, spec, v, inferred, first_arg_of, op_type,
                                          f"{spec.name}_{i}"))
    for attr_name, dtype in inferred.items():
        allowed = op_def.allowed_sets.get(attr_name)
        if allowed is not None and dtype not in allowed:  # (a set: no DType.__eq__ calls)
            allowed = op_def.allowed[attr_name]
            arg = first_arg_of.get(attr_name, attr_name)
            raise TypeError(f"Value passed to parameter '{arg}' has DataType {dtype.name} not in "
                            f"list of allowed values: "
                            f"{', '.join(d.name for d in allowed)}")
        attrs.setdefault(attr_name, dtype)
    return tensors


def _convert_input(op_def, spec, value, inferred, first_arg_of, op_type,
                   const_name: str | None = None) -> Tensor:
    name = const_name or spec.name
    if spec.fixed_dtype is not None:
        want = spec.fixed_dtype
        if isinstance(value, Tensor) and value._dtype.base_dtype is not want:
            raise TypeError(f"Input '{spec.name}' of '{op_type}' Op has type "
                            f"{value._dtype.base_dtype.name} that does not match expected type of "
                            f"{want.name}.")
        return convert_to_tensor(value, dtype=want, name=name, as_ref=spec.is_ref)
    attr = spec.type_attr
    known = inferred.get(attr)
    if known is not None:
        if isinstance(value, Tensor):
            tensor = value
        else:
            try:
                tensor = convert_to_tensor(value, dtype=known, name=name, as_ref=spec.is_ref)
            except (TypeError, ValueError) as e:
                if _is_tensor_convertible_object(value):
                    raise
                raise TypeError(f"Expected {known.name} passed to parameter '{spec.name}' of op "
                                f"'{op_type}', got {value!r} of type '{type(value).__name__}' "
                                f"instead. Error: {e}") from None
        if tensor._dtype.base_dtype is not known:
            raise TypeError(f"Input '{spec.name}' of '{op_type}' Op has type "
                            f"{tensor._dtype.base_dtype.name} that does not match type "
                            f"{known.name} of argument '{first_arg_of.get(attr, attr)}'.")
    else:
        preferred = op_def.type_defaults.get(attr)
        if preferred is not None and not ints_fit(value, preferred):
            preferred = None  # TF infers int64 for a shape holding 2**32 + 5, never wraps it
        if (preferred is not None and preferred.is_integer and type(value) in (list, tuple)
                and not value):
            # TF converts an empty list as float32 first and leaves that Const in the graph
            # (``Reshape/shape``) before the integer one it uses (``Reshape/shape_1``).
            convert_to_tensor(value, name=name)
        try:
            tensor = convert_to_tensor(value, name=name, as_ref=spec.is_ref,
                                       preferred_dtype=preferred)
        except ValueError as e:
            raise ValueError(f"Tried to convert '{spec.name}' to a tensor and failed. Error: "
                             f"{e}") from None
        inferred[attr] = tensor._dtype.base_dtype
        first_arg_of[attr] = spec.name
    if spec.is_ref and not tensor._dtype.is_ref_dtype:
        raise TypeError(f"'{op_type}' Op requires that input '{spec.name}' be a mutable tensor "
                        "(e.g.: a tf.Variable)")
    return tensor


def _is_tensor_convertible_object(value) -> bool:
    return hasattr(value, "_as_graph_element")


def ints_fit(value, dtype: dtypes.DType) -> bool:
    """Whether every integer in ``value`` (Python ints, lists of them, an integer ndarray)
    is representable in the integer ``dtype``; True for anything else."""
    if not dtype.is_integer:
        return True
    info = np.iinfo(dtypes.storage_type(dtype))
    if isinstance(value, np.ndarray):
        return (value.dtype.kind not in "iu" or value.size == 0
                or (int(value.min()) >= info.min and int(value.max()) <= info.max))
    if isinstance(value, (list, tuple)):
        return all(ints_fit(v, dtype) for v in value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(info.min) <= int(value) <= int(info.max)
    return True
