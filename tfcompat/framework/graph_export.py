"""Graphs as protos: ``GraphDef`` (what TensorBoard's graph tab draws) and a ``MetaGraphDef``.

Attribute values map to ``AttrValue`` as in TensorFlow: a DType to ``type``, a TensorShape to
``shape``, an ndarray (a Const's value) to a ``TensorProto``, Python scalars to ``b``/``i``/
``f``/``s``, lists to ``list``.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor import Tensor
from tfcompat.framework.tensor_protos import shape_proto, tensor_proto
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.protobuf.graph_pb2 import AttrValue, GraphDef, NodeDef
from tfcompat.protobuf.meta_graph_pb2 import CollectionDef, MetaGraphDef
from tfcompat.protobuf.text_format import message_to_string

# GraphDef producer version written by TensorFlow 2.21.
GRAPH_DEF_VERSION = 2474
TENSORFLOW_VERSION = "2.21.0"

def attr_value(value: Any, const_dtype: dtypes.DType | None = None) -> AttrValue:
    """An op attribute as an ``AttrValue``."""
    attr = AttrValue()
    if isinstance(value, dtypes.DType):
        attr.type = value.as_datatype_enum
    elif isinstance(value, TensorShape):
        attr.shape.CopyFrom(shape_proto(value))
    elif isinstance(value, np.ndarray):
        attr.tensor.CopyFrom(tensor_proto(value, const_dtype or dtypes.as_dtype(value.dtype)))
    elif isinstance(value, (bool, np.bool_)):
        attr.b = bool(value)
    elif isinstance(value, (int, np.integer)):
        attr.i = int(value)
    elif isinstance(value, (float, np.floating)):
        attr.f = float(value)
    elif isinstance(value, (str, bytes)):
        attr.s = value.encode() if isinstance(value, str) else value
    elif isinstance(value, (list, tuple)):
        attr.list.SetInParent()
        for item in value:
            _append_list_item(attr.list, item)
    elif isinstance(value, Tensor):
        # A one-shot iterator's dataset_factory: TF names a library function there; tfcompat
        # keeps the dataset's op, so the attr names that op's function-like stand-in.
        attr.func.name = f"_make_dataset_{value.op.name}"
    elif isinstance(getattr(value, "function_attr_name", None), str):
        attr.func.name = value.function_attr_name  # a traced function (tf.data map, filter...)
    else:
        raise TypeError(f"Cannot convert attr value {value!r} to an AttrValue")
    return attr


def _append_list_item(lst: AttrValue.ListValue, item: Any) -> None:
    if isinstance(item, dtypes.DType):
        lst.type.append(item.as_datatype_enum)
    elif isinstance(item, TensorShape):
        lst.shape.add().CopyFrom(shape_proto(item))
    elif isinstance(item, np.ndarray):
        lst.tensor.add().CopyFrom(tensor_proto(item, dtypes.as_dtype(item.dtype)))
    elif isinstance(item, (bool, np.bool_)):
        lst.b.append(bool(item))
    elif isinstance(item, (int, np.integer)):
        lst.i.append(int(item))
    elif isinstance(item, (float, np.floating)):
        lst.f.append(float(item))
    else:
        lst.s.append(item.encode() if isinstance(item, str) else item)


def node_def(op: Any, add_shapes: bool = False) -> NodeDef:
    """The ``NodeDef`` of one operation."""
    node = NodeDef(name=op.name, op=op.type, device=op.device)
    node.input.extend(t._as_node_def_input() for t in op.inputs)
    node.input.extend("^" + c.name for c in op.control_inputs)
    const_dtype = op._attrs.get("dtype")
    for key, value in op._attrs.items():
        node.attr[key].CopyFrom(attr_value(value, const_dtype))
    if add_shapes and op.outputs:
        shapes = node.attr["_output_shapes"].list.shape
        for tensor in op.outputs:
            shapes.add().CopyFrom(shape_proto(tensor.shape))
    return node


def graph_to_graph_def(graph: Any, add_shapes: bool = False) -> GraphDef:
    """``graph`` as a ``GraphDef`` (what ``Graph.as_graph_def(add_shapes)`` returns)."""
    graph_def = GraphDef()
    graph_def.node.extend(node_def(op, add_shapes) for op in graph.get_operations())
    graph_def.versions.producer = GRAPH_DEF_VERSION
    return graph_def


def graph_def_of(graph: Any, add_shapes: bool = False) -> GraphDef:
    """The GraphDef of a Graph: its own ``as_graph_def`` when it has one."""
    as_graph_def = getattr(graph, "as_graph_def", None)
    if as_graph_def is not None:
        return as_graph_def(add_shapes=add_shapes)
    return graph_to_graph_def(graph, add_shapes=add_shapes)


def write_graph(graph_or_graph_def: Any, logdir: str, name: str, as_text: bool = True) -> str:
    """Writes a graph (or GraphDef) to ``logdir/name`` and returns the path
    (``tf.train.write_graph``).

    Text output is protobuf text format as the pure-Python printer spells it (map keys sorted,
    ``1.0`` not ``1``); binary output is the deterministic serialization. The file is replaced
    atomically.
    """
    if isinstance(graph_or_graph_def, GraphDef):
        graph_def = graph_or_graph_def
    else:
        graph_def = graph_def_of(graph_or_graph_def)
    logdir = os.fspath(logdir)
    os.makedirs(logdir, exist_ok=True)
    path = os.path.join(logdir, name)
    if as_text:
        data = message_to_string(graph_def, python_style=True).encode("utf-8")
    else:
        data = graph_def.SerializeToString(deterministic=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".tmp_write_graph")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return path


def _collection_def(items: list) -> CollectionDef | None:
    """Collections of tensors/operations become node lists, of protos byte lists; others none."""
    collection = CollectionDef()
    if all(hasattr(item, "name") and hasattr(item, "graph") and not hasattr(item, "to_proto")
           for item in items):
        collection.node_list.value.extend(item.name for item in items)
        return collection
    if all(callable(getattr(item, "to_proto", None)) for item in items):
        collection.bytes_list.value.extend(item.to_proto().SerializeToString() for item in items)
        return collection
    return None


def create_meta_graph_def(graph: Any, graph_def: GraphDef | None = None) -> MetaGraphDef:
    """A ``MetaGraphDef`` holding ``graph``'s GraphDef and its exportable collections."""
    meta = MetaGraphDef()
    meta.meta_info_def.tensorflow_version = TENSORFLOW_VERSION
    meta.graph_def.CopyFrom(graph_def or graph_to_graph_def(graph, add_shapes=True))
    if graph is not None:
        for key in sorted(graph.get_all_collection_keys()):
            items = graph.get_collection(key)
            collection = _collection_def(items) if items else None
            if collection is not None:
                meta.collection_def[key].CopyFrom(collection)
    return meta
