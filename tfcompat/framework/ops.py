"""Graphs, Operations and Tensors: the data model of a TF1 program.

As TF's ``framework/ops.py``, this module gathers the core names; each lives in its own module:
``tensor`` (Tensor), ``operation`` (Operation), ``graph`` (Graph, the default graph),
``graph_keys``, ``name_scopes`` (tf.name_scope), ``tensor_conversion`` (convert_to_tensor and its
registry), ``autopacking`` (lists holding Tensors become a Pack), ``op_def_library`` (apply_op),
``shape_errors`` (ShapeError).
"""

# ruff: noqa: F401
from tfcompat.framework import autopacking as _autopacking  # registers list/tuple conversion
from tfcompat.framework.graph import Graph, get_default_graph, reset_default_graph
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.framework.name_scopes import graph_of as _graph_of
from tfcompat.framework.name_scopes import name_scope
from tfcompat.framework.op_def_library import apply_op, create_op_from_values, ints_fit
from tfcompat.framework.operation import Operation
from tfcompat.framework.shape_errors import ShapeError
from tfcompat.framework.tensor import Tensor
from tfcompat.framework.tensor_conversion import (
    convert_n_to_tensor,
    convert_to_tensor,
    is_tensor_like,
    register_tensor_conversion_function,
)
