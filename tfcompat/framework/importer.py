"""``tf.import_graph_def``: GraphDef protos back into a Graph."""

from __future__ import annotations

import re

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import get_op_def
from tfcompat.framework.tensor_protos import make_ndarray
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape


def _shape_from_proto(proto) -> TensorShape:
    if proto.unknown_rank:
        return unknown_shape()
    return TensorShape([None if d.size < 0 else int(d.size) for d in proto.dim])


def _attr_to_python(attr):
    kind = attr.WhichOneof("value")
    if kind == "type":
        return dtypes.as_dtype(int(attr.type))
    if kind == "shape":
        return _shape_from_proto(attr.shape)
    if kind == "tensor":
        return dtypes.storage_view(make_ndarray(attr.tensor))
    if kind == "s":
        try:
            return attr.s.decode()
        except UnicodeDecodeError:
            return attr.s
    if kind in ("i", "f", "b"):
        return getattr(attr, kind)
    if kind == "list":
        lst = attr.list
        if lst.type:
            return [dtypes.as_dtype(int(t)) for t in lst.type]
        if lst.shape:
            return [_shape_from_proto(s) for s in lst.shape]
        if lst.tensor:
            return [dtypes.storage_view(make_ndarray(t)) for t in lst.tensor]
        for field in ("s", "i", "f", "b"):
            items = list(getattr(lst, field))
            if items:
                return [i.decode() if isinstance(i, bytes) else i for i in items]
        return []
    return None


def _parse_input(text: str) -> tuple[str, int, bool]:
    if text.startswith("^"):
        return text[1:], -1, True
    name, _, index = text.partition(":")
    return name, int(index) if index else 0, False


# TF's rule for node names in a GraphDef.
_NODE_NAME = re.compile(r"[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*")


def _validate_node(node) -> None:
    """Rejects what TF's importer rejects: a bad name, an unknown op type, a missing attr."""
    if not _NODE_NAME.fullmatch(node.name):
        raise ValueError(f"Node '{node.name}': Node name contains invalid characters")
    try:
        op_def = get_op_def(node.op)
    except ValueError:
        raise errors.NotFoundError(
            None, None, f"Op type not registered '{node.op}' in binary running on tfcompat. "
            "Make sure the Op and Kernel are registered in the binary running in this "
            "process.") from None
    missing = op_def.missing_attr(node.attr)
    if missing is not None:
        raise ValueError(f"NodeDef missing attr '{missing}' from Op<name={node.op}>; "
                         f"NodeDef: {{{{node {node.name}}}}}")


_MERGES = ("Merge", "RefMerge")
_NEXT_ITERATIONS = ("NextIteration", "RefNextIteration")


def _is_back_edge(node, dep) -> bool:
    """A while loop's Merge input from its NextIteration: the edge closing the loop's cycle."""
    return node.op in _MERGES and dep.op in _NEXT_ITERATIONS


def _topological(nodes) -> list:
    by_name = {node.name: node for node in nodes}
    order, state = [], {}
    for root in nodes:
        stack = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                state[node.name] = 2
                order.append(node)
                continue
            if state.get(node.name):
                continue
            state[node.name] = 1
            stack.append((node, True))
            for text in node.input:
                dep = by_name.get(_parse_input(text)[0])
                if dep is not None and not state.get(dep.name) and not _is_back_edge(node, dep):
                    stack.append((dep, False))
    return order


def import_graph_def(graph_def, input_map=None, return_elements=None, name=None, op_dict=None,
                     producer_op_list=None):
    """Adds the ops of ``graph_def`` to the default graph under the scope ``name``
    ('import' by default); ``input_map`` replaces inputs by existing tensors."""
    del op_dict, producer_op_list
    input_map = dict(input_map or {})
    graph = ops.get_default_graph()
    for node in graph_def.node:
        _validate_node(node)
    nodes = list(graph_def.node)
    by_name = {node.name: node for node in nodes}
    with ops.name_scope(name, "import", list(input_map.values())):
        created: dict[str, ops.Operation] = {}
        # (merge op, input index, NextIteration node name, output index): a loop's back edges,
        # made after the whole loop body exists (the Merge first takes its Enter input twice,
        # as tf.while_loop builds it).
        back_edges: list[tuple[ops.Operation, int, str, int]] = []
        for node in _topological(nodes):
            inputs, control, pending_back = [], [], []
            for text in node.input:
                src, index, is_control = _parse_input(text)
                key = f"{src}:{index}"
                if is_control:
                    if src not in created:
                        raise ValueError(f"Node '{node.name}': Unknown input node '{text}'")
                    control.append(created[src])
                elif key in input_map or (index == 0 and src in input_map):
                    inputs.append(ops.convert_to_tensor(input_map.get(key, input_map.get(src))))
                elif src not in created and src in by_name and _is_back_edge(node, by_name[src]):
                    pending_back.append((len(inputs), src, index))
                    inputs.append(None)
                else:
                    if src not in created:
                        raise ValueError(f"Node '{node.name}': Unknown input node '{text}'")
                    inputs.append(created[src]._outputs[index])
            if pending_back:
                stand_in = next((t for t in inputs if t is not None), None)
                if stand_in is None:
                    raise ValueError(f"Node '{node.name}': a Merge needs one input from outside "
                                     "its loop")
                inputs = [stand_in if t is None else t for t in inputs]
            attrs = {key: _attr_to_python(value) for key, value in node.attr.items()
                     if key != "_output_shapes"}
            op_name = graph.unique_name(node.name)
            with graph.control_dependencies(control), graph.device(node.device or None):
                op = graph._create_op(node.op, inputs, attrs, op_name + "/")
            created[node.name] = op
            back_edges.extend((op, position, src, index) for position, src, index in pending_back)
        for merge, position, src, index in back_edges:
            merge._update_input(position, created[src]._outputs[index])
    if return_elements is None:
        return None
    results = []
    for element in return_elements:
        src, index, _ = _parse_input(element)
        op = created.get(src)
        if op is None:
            raise ValueError(f"Requested return_element {element!r} not found in graph_def.")
        results.append(op._outputs[index] if ":" in element else op)
    return results
