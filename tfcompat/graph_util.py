# ruff: noqa: F401
"""``tf.graph_util``: GraphDef surgery for deployment (freezing, subgraphs, stripping)."""

from tfcompat.framework.graph_util_impl import (
    convert_variables_to_constants,
    extract_sub_graph,
    must_run_on_cpu,
    remove_training_nodes,
    tensor_shape_from_node_def_name,
)
from tfcompat.framework.importer import import_graph_def
from tfcompat.platform.unsupported import make_getattr as _make_getattr

__getattr__ = _make_getattr("tf.graph_util", __name__)
