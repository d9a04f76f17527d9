"""``tf.saved_model.main_op``: the init ops a SavedModel runs after restoring variables."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.ops import control_flow_ops
from tfcompat.ops.lookup_tables import tables_initializer
from tfcompat.variables import variables


def main_op():
    """One op initializing the global and local variables and the lookup tables
    (``group_deps`` of ``init``, ``init_1`` and ``init_all_tables``)."""
    init = variables.global_variables_initializer()
    init_local = variables.local_variables_initializer()
    init_tables = tables_initializer()
    return control_flow_ops.group(init, init_local, init_tables)


def main_op_with_restore(restore_op_name):
    """``main_op()`` followed by ``restore_op_name`` (an op restoring variables)."""
    with ops.get_default_graph().control_dependencies([main_op()]):
        return control_flow_ops.group(restore_op_name)
