"""Flattening ``Session.run`` fetch structures into graph elements and rebuilding the results."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tfcompat.framework.indexed_slices import IndexedSlices, IndexedSlicesValue
from tfcompat.framework.ops import Graph, Operation, Tensor
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue


def _invalid_fetch_type(fetch) -> TypeError:
    kind = type(fetch).__name__
    return TypeError(f'Argument `fetch` = {fetch} has invalid type "{kind}" must be a string or '
                     f"Tensor. (Can not convert a {kind} into a Tensor or Operation.)")


def _as_element(graph: Graph, fetch):
    if fetch is None:
        raise TypeError('Argument `fetch` = None has invalid type "NoneType". Cannot be None')
    if not isinstance(fetch, (Tensor, Operation, str)) and not hasattr(fetch,
                                                                       "_as_graph_element"):
        raise _invalid_fetch_type(fetch)
    try:
        return graph.as_graph_element(fetch, allow_tensor=True, allow_operation=True)
    except TypeError:
        raise _invalid_fetch_type(fetch) from None
    except (KeyError, ValueError) as e:
        detail = str(e)
        raise ValueError(f"Argument `fetch` = {fetch} cannot be interpreted as a Tensor. "
                         f"({detail})") from None


class FetchMapper:
    """Maps a (nested) fetch structure to a flat list of unique graph elements and back."""

    def __init__(self, graph: Graph, fetches):
        self.elements: list = []
        self._index: dict[int, int] = {}
        self._rebuild = self._build(graph, fetches)
        # Split once, reused by every run of this fetch structure.
        self.tensors = [e for e in self.elements if isinstance(e, Tensor)]
        self.targets = [e for e in self.elements if isinstance(e, Operation)]
        self.key = (tuple(map(id, self.tensors)), tuple(map(id, self.targets)))

    def _add(self, element) -> int:
        key = id(element)
        index = self._index.get(key)
        if index is None:
            index = len(self.elements)
            self._index[key] = index
            self.elements.append(element)
        return index

    def _build(self, graph: Graph, fetch) -> Callable[[list], object]:
        if isinstance(fetch, (list, tuple)) and not isinstance(fetch, str):
            children = [self._build(graph, f) for f in fetch]
            if isinstance(fetch, list):
                return lambda values: [c(values) for c in children]
            if hasattr(fetch, "_fields"):  # namedtuple
                cls = type(fetch)
                return lambda values: cls(*[c(values) for c in children])
            cls = type(fetch)
            if cls is tuple:
                return lambda values: tuple(c(values) for c in children)
            return lambda values: cls(c(values) for c in children)
        if isinstance(fetch, IndexedSlices):
            parts = [fetch.values, fetch.indices]
            if fetch.dense_shape is not None:
                parts.append(fetch.dense_shape)
            children = [self._build(graph, part) for part in parts]

            def rebuild_slices(values):
                built = [c(values) for c in children]
                return IndexedSlicesValue(*built, *([None] * (3 - len(built))))
            return rebuild_slices
        if isinstance(fetch, SparseTensor):
            children = [self._build(graph, part)
                        for part in (fetch.indices, fetch.values, fetch.dense_shape)]
            return lambda values: SparseTensorValue(*[c(values) for c in children])
        if hasattr(fetch, "_composite_parts"):  # a composite tensor (RaggedTensor)
            children = [self._build(graph, part) for part in fetch._composite_parts()]
            return lambda values: fetch._composite_value([c(values) for c in children])
        if isinstance(fetch, Mapping):
            keys = list(fetch.keys())
            children = [self._build(graph, fetch[k]) for k in keys]
            cls = type(fetch)

            def rebuild_mapping(values):
                items = [(k, c(values)) for k, c in zip(keys, children)]
                try:
                    return cls(items)
                except TypeError:
                    result = cls()
                    result.update(items)
                    return result
            return rebuild_mapping
        element = _as_element(graph, fetch)
        index = self._add(element)
        return lambda values: values[index]

    def rebuild(self, values: list):
        return self._rebuild(values)
