"""``tf.saved_model.load`` (TF1: ``loader.load(sess, tags, export_dir)``): imports the meta
graph tagged ``tags`` into ``sess.graph``, restores its variables from
``<export_dir>/variables/variables`` and runs its main op (or legacy init op), feeding the asset
tensors their files in ``<export_dir>/assets``."""

from __future__ import annotations

import os

from tfcompat.platform import tf_logging as logging
from tfcompat.protobuf import text_parser
from tfcompat.protobuf.meta_graph_pb2 import MetaGraphDef, SaverDef
from tfcompat.protobuf.saved_model_pb2 import SavedModel
from tfcompat.saved_model import assets, constants
from tfcompat.training.checkpoint import meta_graph
from tfcompat.training.saver import Saver


def _export_dir_text(export_dir) -> str:
    return os.fsdecode(os.fspath(export_dir))


def parse_saved_model(export_dir) -> SavedModel:
    """The SavedModel proto of ``export_dir``: its ``saved_model.pb``, else its text-format
    ``saved_model.pbtxt``; IOError (OSError) when it holds neither."""
    export_dir = _export_dir_text(export_dir)
    pb_path = os.path.join(export_dir, constants.SAVED_MODEL_FILENAME_PB)
    pbtxt_path = os.path.join(export_dir, constants.SAVED_MODEL_FILENAME_PBTXT)
    if os.path.exists(pb_path):
        with open(pb_path, "rb") as f:
            return SavedModel.FromString(f.read())
    if os.path.exists(pbtxt_path):
        with open(pbtxt_path, encoding="utf-8") as f:
            return text_parser.parse(f.read(), SavedModel())
    raise OSError(f"SavedModel file does not exist at: {export_dir}{os.sep}"
                  f"{{{constants.SAVED_MODEL_FILENAME_PBTXT}|"
                  f"{constants.SAVED_MODEL_FILENAME_PB}}}")


def _tag_text(tags) -> str:
    return str(tags).strip("[]")


def find_meta_graph(saved_model: SavedModel, tags) -> MetaGraphDef:
    """The meta graph whose tag set equals ``tags`` (RuntimeError listing the others)."""
    wanted = {tags} if isinstance(tags, str) else set(tags)
    available = []
    for meta_graph_def in saved_model.meta_graphs:
        have = set(meta_graph_def.meta_info_def.tags)
        if have == wanted:
            return meta_graph_def
        available.append(have)
    raise RuntimeError(
        f"MetaGraphDef associated with tags {_tag_text(tags)} could not be found in "
        f"SavedModel, with available tags '{available}'. To inspect available tag-sets in the "
        "SavedModel, please use the SavedModel CLI: `saved_model_cli`.")


def _init_op(meta_graph_def: MetaGraphDef, graph, import_scope):
    """The main op (``saved_model_main_op``), else the legacy init op, else None."""
    prefix = f"{import_scope}/" if import_scope else ""
    for key in (constants.MAIN_OP_KEY, constants.LEGACY_INIT_OP_KEY):
        if key in meta_graph_def.collection_def:
            names = meta_graph_def.collection_def[key].node_list.value
            if len(names) != 1:
                raise RuntimeError(f"Expected exactly one SavedModel init op. Found {len(names)}: "
                                   f"{list(names)}.")
            return graph.as_graph_element(prefix + names[0])
    return None


def _scoped_saver_def(saver_def: SaverDef, import_scope: str) -> SaverDef:
    """``saver_def`` naming the ops imported under ``import_scope`` (the checkpoint keys, held
    by the restore op's constants, stay unscoped)."""
    scoped = SaverDef()
    scoped.CopyFrom(saver_def)
    scoped.filename_tensor_name = f"{import_scope}/{saver_def.filename_tensor_name}"
    scoped.save_tensor_name = f"{import_scope}/{saver_def.save_tensor_name}"
    scoped.restore_op_name = f"{import_scope}/{saver_def.restore_op_name}"
    return scoped


def load(sess, tags, export_dir, import_scope=None, **saver_kwargs) -> MetaGraphDef:
    """Loads the SavedModel meta graph tagged ``tags`` from ``export_dir`` into ``sess``
    (graph, variable values, init op run) and returns its MetaGraphDef."""
    export_dir = _export_dir_text(export_dir)
    meta_graph_def = find_meta_graph(parse_saved_model(export_dir), tags)
    graph = sess.graph
    with graph.as_default():
        saver = meta_graph.import_meta_graph(meta_graph_def, import_scope=import_scope,
                                             **saver_kwargs)
        variables_path = os.path.join(export_dir, constants.VARIABLES_DIRECTORY,
                                      constants.VARIABLES_FILENAME)
        if saver is None and meta_graph_def.HasField("saver_def") and import_scope:
            saver = Saver(saver_def=_scoped_saver_def(meta_graph_def.saver_def, import_scope))
        if saver is not None:
            saver.restore(sess, variables_path)
        else:
            logging.info("The specified SavedModel has no variables; no checkpoints were "
                         "restored. File does not exist: %s", variables_path)
        init_op = _init_op(meta_graph_def, graph, import_scope)
        if init_op is not None:
            sess.run(fetches=[init_op],
                     feed_dict=assets.asset_feed(export_dir, meta_graph_def, import_scope))
    return meta_graph_def


def contains_saved_model(export_dir) -> bool:
    """Whether ``export_dir`` holds a ``saved_model.pb`` or ``saved_model.pbtxt``."""
    export_dir = _export_dir_text(export_dir)
    return any(os.path.isfile(os.path.join(export_dir, name))
               for name in (constants.SAVED_MODEL_FILENAME_PB,
                            constants.SAVED_MODEL_FILENAME_PBTXT))


maybe_saved_model_directory = contains_saved_model
