"""The ``.meta`` file a Saver writes beside each checkpoint: a ``MetaGraphDef`` with the graph,
the saver's ``SaverDef`` and the graph's collections (variables as ``VariableDef`` protos, so
``tf.train.import_meta_graph`` in TensorFlow rebuilds them)."""

from __future__ import annotations

import os

from tfcompat.framework import ops
from tfcompat.protobuf.meta_graph_pb2 import CollectionDef, MetaGraphDef
from tfcompat.protobuf.text_format import message_to_string
from tfcompat.protobuf.variable_pb2 import VariableDef
from tfcompat.summary.graph_export import create_meta_graph_def
from tfcompat.variables.variables import Variable


def variable_def(variable: Variable) -> VariableDef:
    """The ``VariableDef`` naming a variable's ops, as TF's ``Variable.to_proto`` builds it."""
    return VariableDef(variable_name=variable.name,
                       initializer_name=variable.initializer.name,
                       snapshot_name=variable.value().name,
                       initial_value_name=variable.initial_value.name,
                       trainable=variable.trainable)


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
