"""Functions given to ``map``/``filter``/``flat_map``...: traced once into a graph function.

The Python function is called once, at dataset-building time, on placeholders standing for
one element (TF's semantics: side effects happen at trace time). Its graph is separate from
the user's graph, so tracing creates no names there. At run time each session compiles the
function graph to a plan (tfcompat.client.executor) and calls it per element.
"""

from __future__ import annotations

import itertools
import weakref

from tfcompat.client.executor import compile_plan
from tfcompat.data import structure
from tfcompat.framework import dtypes, ops
from tfcompat.ops import array_ops

_NAMES = itertools.count()


class TracedFunction:
    """A Python function traced on one element's structure; callable per session state."""

    def __init__(self, fn, input_types, input_shapes, input_classes=None, name="fn",
                 unpack_tuples: bool = True):
        del input_classes
        self.name = f"__inference_{name}_{next(_NAMES)}"
        outer = ops.get_default_graph()
        self.graph = ops.Graph()
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
            try:
                if unpack_tuples and isinstance(element, tuple) and not hasattr(element,
                                                                                "_fields"):
                    result = fn(*element)
                else:
                    result = fn(element)
            except ValueError as e:
                if "must be from the same graph" not in str(e):
                    raise
                raise ValueError(
                    f"tfcompat traces tf.data functions in their own graph and cannot capture "
                    f"tensors of the outer graph yet (pass Python values or constants created "
                    f"inside the function): {e}") from None
            self.raw_result = result
            if not _is_dataset(result):
                result = structure.to_tensors(result, name="result")
        self.output_structure = result
        self.outputs = ([result._variant_tensor] if _is_dataset(result)
                        else structure.flat_components(result))
        self._plans: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def plan_for(self, state):
        plan = self._plans.get(state)
        if plan is None:
            plan = self._plans[state] = compile_plan(self.outputs, [], self.args, state)
        return plan.function

    def __repr__(self) -> str:
        return self.name


def _nested_dataset(arg, dtype):
    """A dataset argument (a window) as a Dataset over its variant placeholder."""
    if not isinstance(dtype, structure.DatasetSpec):
        return arg
    from tfcompat.data.dataset_ops import Dataset  # the module that imports this one
    return Dataset(arg, dtype.types, dtype.shapes)


def _is_dataset(x) -> bool:
    return hasattr(x, "_variant_tensor")
