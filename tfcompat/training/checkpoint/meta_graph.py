"""The ``.meta`` file a Saver writes beside each checkpoint: a ``MetaGraphDef`` with the graph,
the saver's ``SaverDef`` and the graph's collections (variables as ``VariableDef`` protos, so
``tf.train.import_meta_graph`` in TensorFlow rebuilds them)."""

from __future__ import annotations

import os

from tfcompat.framework import ops
from tfcompat.framework.graph_export import create_meta_graph_def
from tfcompat.framework.importer import import_graph_def
from tfcompat.protobuf.meta_graph_pb2 import CollectionDef, MetaGraphDef
from tfcompat.protobuf.text_format import message_to_string
from tfcompat.protobuf.variable_pb2 import VariableDef
from tfcompat.variables.variables import Variable


def variable_def(variable: Variable) -> VariableDef:
    """The ``VariableDef`` naming a variable's ops (and its slice of a partitioned variable),
    as TF's ``Variable.to_proto`` builds it."""
    proto = VariableDef(variable_name=variable.name,
                        initializer_name=variable.initializer.name,
                        snapshot_name=variable.value().name,
                        initial_value_name=variable.initial_value.name,
                        trainable=variable.trainable)
    slice_info = getattr(variable, "_save_slice_info", None)
    if slice_info is not None:
        proto.save_slice_info_def.CopyFrom(slice_info.to_proto())
    return proto


def export_meta_graph(filename=None, meta_info_def=None, graph_def=None, saver_def=None,
                      collection_list=None, as_text=False, graph=None, export_scope=None,
                      clear_devices=False, clear_extraneous_savers=False,
                      strip_default_attrs=False, save_debug_info=False) -> MetaGraphDef:
    """The MetaGraphDef of ``graph`` (default: the default graph), written to ``filename``
    (binary, or text with ``as_text``) when given (``tf.train.export_meta_graph``).

    ``collection_list`` limits the collections exported; ``export_scope`` is not supported.
    """
    del clear_extraneous_savers, strip_default_attrs, save_debug_info
    if export_scope is not None:
        raise ValueError("tfcompat's export_meta_graph supports export_scope=None only")
    graph = graph if graph is not None else ops.get_default_graph()
    meta = create_meta_graph_def(graph, graph_def)
    if meta_info_def is not None:
        meta.meta_info_def.MergeFrom(meta_info_def)
    if saver_def is not None:
        meta.saver_def.CopyFrom(saver_def)
    for key in sorted(graph.get_all_collection_keys()):
        items = graph.get_collection(key)
        if items and all(isinstance(item, Variable) for item in items):
            collection = CollectionDef()
            collection.bytes_list.value.extend(
                variable_def(v).SerializeToString() for v in items)
            meta.collection_def[key].CopyFrom(collection)
        elif items and key not in meta.collection_def:
            collection = _value_collection(items)
            if collection is not None:
                meta.collection_def[key].CopyFrom(collection)
    if collection_list is not None:
        keep = set(collection_list)
        for key in list(meta.collection_def):
            if key not in keep:
                del meta.collection_def[key]
    if clear_devices:
        for node in meta.graph_def.node:
            node.device = ""
    if filename:
        filename = os.fspath(filename)
        directory = os.path.dirname(filename)
        if directory:
            os.makedirs(directory, exist_ok=True)
        if as_text:
            with open(filename, "w", encoding="utf-8") as f:
                f.write(message_to_string(meta, python_style=True))
        else:
            with open(filename, "wb") as f:
                f.write(meta.SerializeToString(deterministic=True))
    return meta


def _value_collection(items: list) -> CollectionDef | None:
    """A collection of plain values as TF stores it: bytes/str as bytes (str comes back as
    bytes), ints as int64, floats as float; None for anything else (TF skips those too)."""
    collection = CollectionDef()
    if all(isinstance(item, (bytes, str)) for item in items):
        collection.bytes_list.value.extend(
            item.encode() if isinstance(item, str) else item for item in items)
    elif all(isinstance(item, int) and not isinstance(item, bool) for item in items):
        collection.int64_list.value.extend(items)
    elif all(isinstance(item, float) for item in items):
        collection.float_list.value.extend(items)
    else:
        return None
    return collection


def _as_variable_def(data: bytes, graph, prefix: str) -> VariableDef | None:
    """``data`` as a VariableDef naming a variable of ``graph``, or None (plain bytes)."""
    try:
        proto = VariableDef.FromString(data)
    except Exception:  # noqa: BLE001 - any parse failure means "not a VariableDef"
        return None
    name = proto.variable_name
    if not name or not proto.initializer_name:
        return None
    try:
        graph.as_graph_element(prefix + name)
    except (KeyError, ValueError, TypeError):
        return None
    return proto


def read_meta_graph_file(filename) -> MetaGraphDef:
    """Reads a binary ``.meta`` file (as Saver writes it) into a MetaGraphDef."""
    with open(os.fspath(filename), "rb") as f:
        data = f.read()
    return MetaGraphDef.FromString(data)


def import_meta_graph(meta_graph_or_file, clear_devices=False, import_scope=None, **kwargs):
    """Recreates a graph saved in a MetaGraphDef (``tf.train.import_meta_graph``).

    Imports the graph's nodes into the default graph (under ``import_scope`` when given),
    rebuilds the Variable objects of its variable collections and the other named
    collections, and returns a Saver built from its SaverDef (or None when it has none).
    """
    del kwargs
    from tfcompat.training.saver import Saver  # cycle: the Saver writes meta graphs

    meta = meta_graph_or_file
    if not isinstance(meta, MetaGraphDef):
        meta = read_meta_graph_file(meta)
    graph_def = meta.graph_def
    if clear_devices:
        for node in graph_def.node:
            node.device = ""
    graph = ops.get_default_graph()
    import_graph_def(graph_def, name=import_scope or "")
    prefix = f"{import_scope}/" if import_scope else ""
    variables_by_name: dict[str, Variable] = {}
    for key in sorted(meta.collection_def):
        collection = meta.collection_def[key]
        kind = collection.WhichOneof("kind")
        if kind == "bytes_list":
            for data in collection.bytes_list.value:
                proto = _as_variable_def(data, graph, prefix)
                if proto is None:
                    graph.add_to_collection(key, data)
                    continue
                variable = variables_by_name.get(proto.variable_name)
                if variable is None:
                    variable = Variable.from_proto(proto, import_scope)
                    variables_by_name[proto.variable_name] = variable
                graph.add_to_collection(key, variable)
        elif kind == "node_list":
            for name in collection.node_list.value:
                graph.add_to_collection(key, graph.as_graph_element(prefix + name))
        elif kind in ("int64_list", "float_list"):
            for value in getattr(collection, kind).value:
                graph.add_to_collection(key, value)
    if meta.HasField("saver_def") and not import_scope:
        return Saver.from_proto(meta.saver_def)
    return None
