"""``tf.graph_util``: GraphDef surgery for deployment — the subgraph feeding some nodes,
freezing variables into constants, stripping training-only nodes — and two small queries."""

from __future__ import annotations

import collections

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_protos import tensor_proto
from tfcompat.protobuf.graph_pb2 import AttrValue, GraphDef, NodeDef

_VARIABLE_OPS = ("Variable", "VariableV2", "VarHandleOp")


def _node_name(input_name: str) -> str:
    """The node an input string names (``^ctrl``, ``name:1`` -> name)."""
    return input_name.lstrip("^").split(":")[0]


def _copy(node: NodeDef) -> NodeDef:
    copy = NodeDef()
    copy.CopyFrom(node)
    return copy


def extract_sub_graph(graph_def, dest_nodes) -> GraphDef:
    """The nodes ``dest_nodes`` need (through data and control inputs), in graph order."""
    if not isinstance(graph_def, GraphDef):
        raise TypeError(f"graph_def must be a graph_pb2.GraphDef proto, but got type "
                        f"{type(graph_def)}.")
    if isinstance(dest_nodes, str):
        raise TypeError(f"dest_nodes must be an iterable of strings, but got type "
                        f"{type(dest_nodes)}.")
    by_name = {node.name: node for node in graph_def.node}
    for name in dest_nodes:
        assert name in by_name, f"{name} is not in graph"
    needed, pending = set(), collections.deque(dest_nodes)
    while pending:
        name = pending.popleft()
        if name in needed:
            continue
        needed.add(name)
        pending.extend(_node_name(i) for i in by_name[name].input)
    out = GraphDef()
    out.node.extend(_copy(node) for node in graph_def.node if node.name in needed)
    out.versions.CopyFrom(graph_def.versions)
    return out


def tensor_shape_from_node_def_name(graph, input_name: str):
    """The static shape of the tensor ``input_name`` (output 0 when no ``:n`` is given)."""
    if ":" not in input_name:
        input_name += ":0"
    return graph.get_tensor_by_name(input_name).shape


def must_run_on_cpu(node, pin_variables_on_cpu=False) -> bool:
    """Whether a node (NodeDef or Operation) must be placed on the CPU: string and int32
    constants, int32 stitches and casts, and variables when pinning them."""
    is_operation = hasattr(node, "get_attr")
    op = node.type if is_operation else node.op
    if pin_variables_on_cpu and op in ("Variable", "VariableV2"):
        return True

    def has(attr: str, *types) -> bool:
        if is_operation:
            try:
                return node.get_attr(attr) in types
            except ValueError:
                return False
        return attr in node.attr and node.attr[attr].type in [t.as_datatype_enum
                                                              for t in types]
    if op == "Const":
        return has("dtype", dtypes.string, dtypes.int32)
    if op in ("DynamicStitch", "ParallelDynamicStitch"):
        return has("T", dtypes.int32)
    if op == "Cast":
        return has("SrcT", dtypes.int32)
    return False


def convert_variables_to_constants(sess, input_graph_def, output_node_names,
                                   variable_names_whitelist=None,
                                   variable_names_blacklist=None) -> GraphDef:
    """Freezes a graph: the subgraph computing ``output_node_names``, with each variable in it
    (optionally only the whitelisted / not the blacklisted ones) replaced by a Const of its
    current value in ``sess``."""
    graph = extract_sub_graph(input_graph_def, output_node_names)
    variables = [n.name for n in graph.node if n.op in _VARIABLE_OPS and (
        variable_names_whitelist is None or n.name in variable_names_whitelist) and (
        variable_names_blacklist is None or n.name not in variable_names_blacklist)]
    values = dict(zip(variables, sess.run([f"{name}:0" for name in variables]))) \
        if variables else {}
    out = GraphDef()
    for node in graph.node:
        if node.name not in values:
            out.node.append(_copy(node))
            continue
        dtype = dtypes.as_dtype(node.attr["dtype"].type).base_dtype
        frozen = NodeDef(name=node.name, op="Const")
        frozen.attr["dtype"].CopyFrom(AttrValue(type=dtype.as_datatype_enum))
        frozen.attr["value"].CopyFrom(AttrValue(tensor=tensor_proto(
            np.asarray(values[node.name]), dtype)))
        out.node.append(frozen)
    out.versions.CopyFrom(graph.versions)
    return out


def remove_training_nodes(input_graph, protected_nodes=None) -> GraphDef:
    """Strips nodes inference does not need: CheckNumerics nodes go (with the inputs naming
    them), and Identity nodes are spliced out (consumers read their input) unless protected,
    a colocation target, or linked by control edges."""
    protected = set(protected_nodes or ())
    removed = {n.name for n in input_graph.node
               if n.op == "CheckNumerics" and n.name not in protected}
    kept = []
    for node in input_graph.node:
        if node.name in removed:
            continue
        copy = _copy(node)
        del copy.input[:]
        copy.input.extend(i for i in node.input if _node_name(i) not in removed)
        kept.append(copy)
    control_targets, with_control_inputs, colocated = set(), set(), set()
    for node in kept:
        for i in node.input:
            if i.startswith("^"):
                control_targets.add(i[1:])
                with_control_inputs.add(node.name)
        if "_class" in node.attr:
            colocated.update(s.decode().split("@", 1)[-1] for s in node.attr["_class"].list.s)
    spliced = {n.name: n.input[0] for n in kept
               if n.op == "Identity" and n.name not in protected and n.name not in colocated
               and n.name not in with_control_inputs and n.name not in control_targets}
    out = GraphDef()
    for node in kept:
        if node.name in spliced:
            continue
        copy = _copy(node)
        del copy.input[:]
        for i in node.input:
            while _node_name(i) in spliced:
                i = spliced[_node_name(i)]
            copy.input.append(i)
        out.node.append(copy)
    return out
