"""The ``.meta`` file a Saver writes beside each checkpoint: a ``MetaGraphDef`` with the graph,
the saver's ``SaverDef`` and the graph's collections (variables as ``VariableDef`` protos, so
``tf.train.import_meta_graph`` in TensorFlow rebuilds them)."""

from __future__ import annotations

import os
from typing import Any

from tfcompat.protobuf.meta_graph_pb2 import CollectionDef, MetaGraphDef, SaverDef
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


def export_meta_graph(graph: Any, filename: str | None = None,
                      saver_def: SaverDef | None = None, collection_list=None,
                      as_text: bool = False, clear_devices: bool = False) -> MetaGraphDef:
    """The MetaGraphDef of ``graph``; written to ``filename`` (binary or text) when given."""
    meta = create_meta_graph_def(graph)
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
