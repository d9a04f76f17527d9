"""``tf.name_scope`` and finding the graph of a set of values."""

from __future__ import annotations

from tfcompat.framework.graph import Graph, get_default_graph
from tfcompat.framework.operation import Operation
from tfcompat.framework.tensor import Tensor


def graph_of(values) -> Graph:
    """The graph of the Tensors among ``values`` (checking they agree), else the default."""
    default = get_default_graph()
    if default._captures_outer:
        return default
    found: Graph | None = None
    first = None
    for v in values:
        graph = None
        if isinstance(v, (Tensor, Operation)):
            graph = v.graph
        elif hasattr(v, "_as_graph_element") and not isinstance(v, str):
            element = v._as_graph_element()
            if element is not None:
                graph = element.graph
                v = element
        if graph is None:
            continue
        if found is None:
            found, first = graph, v
        elif graph is not found:
            raise ValueError(f"{v} must be from the same graph as {first} (graphs are {graph!r} "
                             f"and {found!r}).")
    return found if found is not None else get_default_graph()


class name_scope:  # noqa: N801 - TF's public name
    """Context manager for ops created in Python (``tf.name_scope(name, default_name, values)``).

    Yields the scope string, e.g. ``'outer/inner/'``.
    """

    def __init__(self, name, default_name=None, values=None):
        self._name = default_name if name is None else name
        self._default_name = default_name
        self._values = values
        self._ctx = None
        self._graph_ctx = None

    def __enter__(self) -> str:
        if self._name is None and self._values is not None:
            raise ValueError(f"At least one of name ({self._name}) and default_name "
                             f"({self._default_name}) must be provided.")
        graph = graph_of(self._values) if self._values else get_default_graph()
        if graph is not get_default_graph():
            self._graph_ctx = graph.as_default()
            self._graph_ctx.__enter__()
        self._ctx = graph.name_scope(self._name)
        return self._ctx.__enter__()

    def __exit__(self, *exc):
        self._ctx.__exit__(*exc)
        if self._graph_ctx is not None:
            self._graph_ctx.__exit__(*exc)
        return False
