"""Functions given to ``map``/``filter``/``flat_map``...: traced once into a graph function.

The Python function is called once, at dataset-building time, on placeholders standing for
one element (TF's semantics: side effects happen at trace time). Its graph is separate from
the user's graph, so tracing creates no names there. At run time each session compiles the
function graph to a plan (tfcompat.client.executor) and calls it per element.

Tensors of enclosing graphs used by the function are captured, as in TF: each becomes a
placeholder of the function graph and an ``other_arguments`` input of the dataset op, so a
placeholder is fed when the op runs (the iterator's initializer). A captured variable (its
``v/read`` snapshot) is read at each element instead, as TF's aliasing ref buffer behaves:
assignments between ``get_next`` calls are seen.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import weakref

from tfcompat.client.executor import compile_plan
from tfcompat.data import structure
from tfcompat.framework import dtypes, ops
from tfcompat.ops import array_ops

_NAMES = itertools.count()
_DEPTH_LOCK = threading.Lock()  # tracing threads update Graph._capturing_depth together


class TracedFunction:
    """A Python function traced on one element's structure; callable per session state."""

    def __init__(self, fn, input_types, input_shapes, input_classes=None, name="fn",
                 unpack_tuples: bool = True):
        del input_classes
        self.name = f"__inference_{name}_{next(_NAMES)}"
        self.function_attr_name = self.name  # how a GraphDef names it (AttrValue.func)
        outer = ops.get_default_graph()
        self.graph = FunctionGraph()
        self.graph.seed = outer.seed
        with self.graph.as_default():
            flat_types = structure.component_types(input_types)
            flat_shapes = structure.component_shapes(input_types, input_shapes)
            self.args = [
                array_ops.placeholder(dtypes.variant if isinstance(t, structure.DatasetSpec)
                                      else t, [] if isinstance(t, structure.DatasetSpec) else s,
                                      name=f"args_{i}")
                for i, (t, s) in enumerate(zip(flat_types, flat_shapes))]
            element = structure.pack_components(input_types, [
                _nested_dataset(arg, t) for arg, t in zip(self.args, flat_types)])
            if unpack_tuples and isinstance(element, tuple) and not hasattr(element, "_fields"):
                result = fn(*element)
            else:
                result = fn(element)
            self.raw_result = result
            if not _is_dataset(result):
                result = structure.to_tensors(result, name="result")
        self.output_structure = result
        outputs = ([result._variant_tensor] if _is_dataset(result)
                   else structure.flat_components(result))
        # An output that is an outer tensor itself (``lambda x: scale``) is captured too.
        self.outputs = [t if t.graph is self.graph else self.graph.capture(t) for t in outputs]
        # Captures made while building the outputs (structure.to_tensors may capture too).
        self.captured_inputs = [outer_t for outer_t, _ in self.graph.captures]
        self._plans: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def plan_for(self, state):
        """The per-element function ``f(*element, *captured)`` of this session."""
        plan = self._plans.get(state)
        if plan is None:
            n = len(self.args)
            inner = [t for _, t in self.graph.captures]
            lazy = frozenset(n + i for i, v in enumerate(self.graph.variable_names) if v)
            plan = self._plans[state] = compile_plan(self.outputs, [], self.args + inner, state,
                                                     lazy_feeds=lazy)
        return plan.function

    def bind_captures(self, state, values) -> tuple:
        """The captured values as the plan takes them: a variable as a function reading its
        current value."""
        from tfcompat.ops.state_ops import read_variable
        variables = state.variables
        return tuple((lambda name=name: read_variable(variables, name)) if name else value
                     for value, name in zip(values, self.graph.variable_names))

    def caller(self, state, captured_values=()):
        """``element -> outputs`` for this session, given the dataset op's captured values."""
        plan = self.plan_for(state)
        captured = self.bind_captures(state, captured_values)
        return lambda element: tuple(plan(*element, *captured))

    def __repr__(self) -> str:
        return self.name


class FunctionGraph(ops.Graph):
    """The graph of a traced function: tensors of enclosing graphs given to its ops become
    placeholders of this graph (``captures``: ``(outer tensor, placeholder)`` pairs)."""

    _captures_outer = True

    def __init__(self):
        super().__init__()
        self.captures: list = []
        # Per capture: the variable read at each element (its VariableV2 op name), or None.
        self.variable_names: list = []
        self._captured: dict = {}

    @contextlib.contextmanager
    def as_default(self):
        with super().as_default():
            with _DEPTH_LOCK:
                ops.Graph._capturing_depth += 1
            try:
                yield self
            finally:
                with _DEPTH_LOCK:
                    ops.Graph._capturing_depth -= 1

    def _create_op(self, op_type, inputs, attrs, scope_name):
        inputs = [t if t._op._graph is self else self.capture(t) for t in inputs]
        return super()._create_op(op_type, inputs, attrs, scope_name)

    def capture(self, tensor):
        """The placeholder standing for the outer ``tensor`` (one per tensor)."""
        inner = self._captured.get(id(tensor))
        if inner is not None:
            return inner
        variable = _variable_behind(tensor)
        if tensor.dtype.is_ref_dtype and variable is None:
            raise ValueError(f"tfcompat cannot capture the reference tensor {tensor.name} "
                             "in a tf.data function")
        with self.control_dependencies(None):
            op = super()._create_op("Placeholder", [], {
                "dtype": tensor.dtype.base_dtype, "shape": tensor.shape},
                self.unique_name("captured") + "/")
        inner = op._outputs[0]
        self._captured[id(tensor)] = inner
        self.captures.append((tensor, inner))
        self.variable_names.append(variable)
        return inner


def _variable_behind(tensor):
    """The VariableV2 op name a tensor reads (a variable's ref or its ``v/read``), else None."""
    op = tensor.op
    if not tensor.dtype.is_ref_dtype:
        if op.type != "Identity" or not op.inputs[0].dtype.is_ref_dtype:
            return None
        tensor = op.inputs[0]
    from tfcompat.ops.state_ops import variable_op_name
    try:
        return variable_op_name(tensor)
    except TypeError:
        return None


def _nested_dataset(arg, dtype):
    """A dataset argument (a window) as a Dataset over its variant placeholder."""
    if not isinstance(dtype, structure.DatasetSpec):
        return arg
    from tfcompat.data.dataset_ops import Dataset  # the module that imports this one
    return Dataset(arg, dtype.types, dtype.shapes)


def _is_dataset(x) -> bool:
    return hasattr(x, "_variant_tensor")
