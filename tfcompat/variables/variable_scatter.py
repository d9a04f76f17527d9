"""The sparse-update methods of ``tf.Variable`` (``v.scatter_add(sparse_delta)``,
``v.scatter_nd_update(indices, updates)``...), a mixin so variables.py stays one job."""

from __future__ import annotations

from tfcompat.framework.indexed_slices import IndexedSlices


def _check_sparse_delta(sparse_delta) -> None:
    if not isinstance(sparse_delta, IndexedSlices):
        raise TypeError(f"sparse_delta is not IndexedSlices: {sparse_delta}")


def _row_method(function_name: str):
    def method(self, sparse_delta, use_locking=False, name=None):
        from tfcompat.ops import scatter_ops
        _check_sparse_delta(sparse_delta)
        return getattr(scatter_ops, function_name)(self._variable, sparse_delta.indices,
                                                   sparse_delta.values, use_locking=use_locking,
                                                   name=name)
    method.__name__ = function_name
    method.__doc__ = (f"``tf.{function_name}`` of this variable with the rows of the "
                      "IndexedSlices ``sparse_delta``; returns the updated variable's ref.")
    return method


def _nd_method(function_name: str):
    def method(self, indices, updates, name=None):
        from tfcompat.ops import scatter_ops
        return getattr(scatter_ops, function_name)(self._variable, indices, updates,
                                                   use_locking=True, name=name)
    method.__name__ = function_name
    method.__doc__ = f"``tf.{function_name}`` of this variable (with ``use_locking=True``)."
    return method


class ScatterMethods:
    """``scatter_*`` / ``scatter_nd_*`` / ``batch_scatter_update`` methods for tf.Variable."""

    scatter_update = _row_method("scatter_update")
    scatter_add = _row_method("scatter_add")
    scatter_sub = _row_method("scatter_sub")
    scatter_mul = _row_method("scatter_mul")
    scatter_div = _row_method("scatter_div")
    scatter_min = _row_method("scatter_min")
    scatter_max = _row_method("scatter_max")
    batch_scatter_update = _row_method("batch_scatter_update")
    scatter_nd_update = _nd_method("scatter_nd_update")
    scatter_nd_add = _nd_method("scatter_nd_add")
    scatter_nd_sub = _nd_method("scatter_nd_sub")
    scatter_nd_max = _nd_method("scatter_nd_max")
    scatter_nd_min = _nd_method("scatter_nd_min")
