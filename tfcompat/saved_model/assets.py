"""Asset files of a SavedModel: copied into ``assets/`` by the builder, recorded as
``AssetFileDef`` protos in the ``saved_model_assets`` collection (an ``any_list``, as TF's
TF1 builder writes them), and fed to their tensors as full paths when the model is loaded."""

from __future__ import annotations

import os
import shutil

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.tensor import Tensor
from tfcompat.protobuf.any_pb2 import Any
from tfcompat.protobuf.meta_graph_pb2 import AssetFileDef, CollectionDef, MetaGraphDef
from tfcompat.saved_model import constants

_ASSET_FILE_DEF_TYPE = "tensorflow.AssetFileDef"


def _asset_source_path(asset_tensor: Tensor) -> str:
    """The file a constant string tensor names (the only kind of asset TF accepts)."""
    if not isinstance(asset_tensor, Tensor) or asset_tensor.op.type != "Const":
        raise TypeError(f"Asset path tensor {asset_tensor} must be a Tensor.")
    value = asset_tensor.op.get_attr("value")
    if not isinstance(value, np.ndarray) or value.ndim != 0 or value.dtype != object:
        raise TypeError(f"Asset path tensor {asset_tensor} must be a scalar string tensor.")
    path = value.item()
    return path.decode() if isinstance(path, bytes) else path


def save_assets(export_dir: str, assets_collection) -> None:
    """Copies each asset into ``export_dir/assets`` and adds its AssetFileDef to the graph's
    ``saved_model_assets`` collection."""
    if not assets_collection:
        return
    assets_dir = os.path.join(export_dir, constants.ASSETS_DIRECTORY)
    graph = ops.get_default_graph()
    for asset_tensor in assets_collection:
        source = _asset_source_path(asset_tensor)
        filename = os.path.basename(source)
        os.makedirs(assets_dir, exist_ok=True)
        destination = os.path.join(assets_dir, filename)
        if not os.path.exists(destination):
            shutil.copyfile(source, destination)
        asset = AssetFileDef(filename=filename)
        asset.tensor_info.name = asset_tensor.name  # TF records the name only
        graph.add_to_collection(constants.ASSETS_KEY, asset)


def add_asset_collection(meta_graph_def: MetaGraphDef, graph) -> None:
    """Writes the graph's AssetFileDefs into ``meta_graph_def`` as an ``any_list``."""
    assets = graph.get_collection(constants.ASSETS_KEY)
    if not assets:
        return
    collection = CollectionDef()
    for asset in assets:
        packed = Any()
        packed.Pack(asset, _ASSET_FILE_DEF_TYPE)
        collection.any_list.value.append(packed)
    meta_graph_def.collection_def[constants.ASSETS_KEY].CopyFrom(collection)


def asset_file_defs(meta_graph_def: MetaGraphDef) -> list[AssetFileDef]:
    """The assets a meta graph lists (its ``asset_file_def`` field, else the collection)."""
    if meta_graph_def.asset_file_def:
        return list(meta_graph_def.asset_file_def)
    if constants.ASSETS_KEY not in meta_graph_def.collection_def:
        return []
    result = []
    for packed in meta_graph_def.collection_def[constants.ASSETS_KEY].any_list.value:
        asset = AssetFileDef()
        packed.Unpack(asset)
        result.append(asset)
    return result


def asset_feed(export_dir: str, meta_graph_def: MetaGraphDef,
               import_scope: str | None = None) -> dict[str, str]:
    """``{asset tensor name: path of its file in export_dir/assets}``, fed when the init op
    runs."""
    prefix = f"{import_scope}/" if import_scope else ""
    assets_dir = os.path.join(export_dir, constants.ASSETS_DIRECTORY)
    return {prefix + asset.tensor_info.name: os.path.join(assets_dir, asset.filename)
            for asset in asset_file_defs(meta_graph_def)}
