"""Autopacking: a (nested) list holding Tensors converts to one Pack op, as in TF.

This is what lets every shape-taking op accept ``[tf.shape(x)[0], 3]``: ``tf.zeros``, ``tf.fill``,
``tf.reshape``, ``tf.tile``, random ops... The Pack is named ``packed`` (or after the argument it
converts, ``Reshape/shape``); nested lists pack in scopes named by position (``packed/0``), and
Python elements become Consts named by position (``packed/1``). Variables count as tensors (their
value is packed). The dtype is the requested one, else the first tensor's; with a requested dtype
tensors of another dtype are cast first, without one they are an error.
"""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.framework.name_scopes import name_scope
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.tensor import Tensor
from tfcompat.framework.tensor_conversion import (
    convert_to_tensor,
    register_tensor_conversion_function,
)

# TF tries autopacking before the constant conversion of lists (priority 100).
_PRIORITY = 99


def _is_tensor(value) -> bool:
    """A Tensor, or a graph element with a dtype that converts to one (a Variable)."""
    return isinstance(value, Tensor) or (
        hasattr(value, "_as_graph_element") and hasattr(value, "dtype"))


def _first_tensor_dtype(value) -> dtypes.DType | None:
    for item in value:
        if _is_tensor(item):
            return item.dtype.base_dtype
        if isinstance(item, (list, tuple)):
            found = _first_tensor_dtype(item)
            if found is not None:
                return found
    return None


def _cast_tensors(value, dtype: dtypes.DType):
    """``value`` with each tensor of another dtype cast to ``dtype`` (depth first)."""
    if isinstance(value, (list, tuple)):
        return type(value)(_cast_tensors(item, dtype) for item in value)
    if _is_tensor(value) and value.dtype.base_dtype is not dtype:
        return apply_op("Cast", [value], attrs={"DstT": dtype})
    return value


def _pack(value, dtype: dtypes.DType, name: str):
    """A Pack of ``value``'s elements, or the plain list when none of them is a Tensor."""
    with name_scope(name) as scope:
        elems = []
        must_pack = False
        for i, item in enumerate(value):
            if _is_tensor(item):
                if item.dtype.base_dtype is not dtype:
                    raise TypeError(f"Cannot convert a list containing a tensor of dtype "
                                    f"{item.dtype.base_dtype} to {dtype} (Tensor is: {item!r})")
                must_pack = True
            elif isinstance(item, (list, tuple)):
                item = _pack(item, dtype, str(i))
                must_pack = must_pack or isinstance(item, Tensor)
            elems.append(item)
        if not must_pack:
            return elems
        tensors = [e if _is_tensor(e) else convert_to_tensor(e, dtype=dtype, name=str(i))
                   for i, e in enumerate(elems)]
        return apply_op("Pack", [tensors], name=scope, attrs={"axis": 0})


def _autopacking_conversion(value, dtype=None, name=None, as_ref=False):
    del as_ref
    inferred = _first_tensor_dtype(value)
    if inferred is None:
        return NotImplemented
    if dtype is None:
        dtype = inferred
    else:
        dtype = dtype.base_dtype
        if dtype is not inferred:
            value = _cast_tensors(value, dtype)
    return _pack(value, dtype, name or "packed")


register_tensor_conversion_function((list, tuple), _autopacking_conversion, _PRIORITY)
