"""``tf.saved_model.Builder`` (``SavedModelBuilder``) and ``simple_save``: TF1 SavedModels.

``add_meta_graph_and_variables`` saves the session's variables once, with a sharded V2 Saver,
to ``<export_dir>/variables/variables``; every ``add_*`` call appends a MetaGraphDef (the graph,
its SaverDef and collections, plus tags and signatures) to the SavedModel proto that ``save``
writes as ``saved_model.pb`` (or ``saved_model.pbtxt``).
"""

from __future__ import annotations

import os

from tfcompat.framework import ops
from tfcompat.framework.operation import Operation
from tfcompat.protobuf.meta_graph_pb2 import MetaGraphDef, SaverDef
from tfcompat.protobuf.saved_model_pb2 import SavedModel
from tfcompat.protobuf.text_format import message_to_string
from tfcompat.saved_model import assets, constants, signature_constants, tag_constants
from tfcompat.saved_model.signature_defs import predict_signature_def
from tfcompat.training import saver as saver_lib


def _export_dir_text(export_dir) -> str:
    return os.fsdecode(os.fspath(export_dir))


class SavedModelBuilder:
    """Builds a SavedModel of one or more meta graphs sharing one set of variables.

    ``builder = tf.saved_model.Builder(export_dir)`` (the directory must not exist or be
    empty); ``builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING],
    signature_def_map={...})``; then ``builder.add_meta_graph(tags)`` for further tag sets;
    ``builder.save()`` writes the proto and returns its path (bytes).
    """

    def __init__(self, export_dir):
        self._saved_model = SavedModel(
            saved_model_schema_version=constants.SAVED_MODEL_SCHEMA_VERSION)
        self._export_dir = _export_dir_text(export_dir)
        if os.path.exists(self._export_dir):
            if os.listdir(self._export_dir):
                raise AssertionError(
                    f"Export directory {self._export_dir} already exists, and isn't empty. "
                    "Please choose a different export directory, or delete all the contents "
                    "of the specified directory.")
        else:
            os.makedirs(self._export_dir)
        self._has_saved_variables = False

    # -- checks

    @staticmethod
    def _validate_signature_def_map(signature_def_map) -> None:
        for signature in signature_def_map.values():
            # Like TF, anything else fails on its missing attributes.
            for info in list(signature.inputs.values()) + list(signature.outputs.values()):
                if info.WhichOneof("encoding") is None:
                    raise AssertionError(
                        f"Invalid `tensor_info`: {info}. All TensorInfo protos used in the "
                        "SignatureDefs must have one of the 'encoding' fields (e.g., name or "
                        "coo_sparse) set.")
                if not info.dtype:
                    raise AssertionError(
                        f"Invalid `tensor_info`: {info}. All TensorInfo protos used in the "
                        "SignatureDefs must have the dtype field set.")

    @staticmethod
    def _add_main_op(main_op) -> None:
        if main_op is None:
            return
        if not isinstance(main_op, Operation):
            raise TypeError(f"Expected {main_op} to be an Operation but got type "
                            f"{type(main_op)} instead.")
        ops.get_default_graph().add_to_collection(constants.MAIN_OP_KEY, main_op)

    # -- meta graphs

    @staticmethod
    def _new_saver(saver):
        if saver is not None:
            return saver
        return saver_lib.Saver(saver_lib._all_saveable_objects(), sharded=True,
                               write_version=SaverDef.V2, allow_empty=True)

    def _tagged_meta_graph(self, saver, tags, signature_def_map, clear_devices) -> MetaGraphDef:
        meta_graph_def = saver.export_meta_graph(clear_devices=clear_devices)
        assets.add_asset_collection(meta_graph_def, ops.get_default_graph())
        meta_graph_def.meta_info_def.tags.extend(tags)
        for key, signature in (signature_def_map or {}).items():
            meta_graph_def.signature_def[key].CopyFrom(signature)
        return meta_graph_def

    def add_meta_graph(self, tags, signature_def_map=None, assets_collection=None,
                       legacy_init_op=None, clear_devices=False, main_op=None,
                       strip_default_attrs=False, saver=None) -> None:
        """Adds the current graph as another meta graph tagged ``tags`` (the variables were
        saved by ``add_meta_graph_and_variables``)."""
        del strip_default_attrs
        if not self._has_saved_variables:
            raise AssertionError("Graph state including variables and assets has not been saved "
                                 "yet. Please invoke `add_meta_graph_and_variables()` first.")
        signature_def_map = signature_def_map or {}
        self._validate_signature_def_map(signature_def_map)
        self._add_main_op(main_op if main_op is not None else legacy_init_op)
        assets.save_assets(self._export_dir, assets_collection)
        saver = self._new_saver(saver)
        self._saved_model.meta_graphs.append(
            self._tagged_meta_graph(saver, tags, signature_def_map, clear_devices))

    def add_meta_graph_and_variables(self, sess, tags, signature_def_map=None,
                                     assets_collection=None, legacy_init_op=None,
                                     clear_devices=False, main_op=None,
                                     strip_default_attrs=False, saver=None) -> None:
        """Saves ``sess``'s variables and adds the current graph as the first meta graph."""
        del strip_default_attrs
        if self._has_saved_variables:
            raise AssertionError("Graph state including variables and assets has already been "
                                 "saved. Please invoke `add_meta_graph()` instead.")
        signature_def_map = signature_def_map or {}
        self._validate_signature_def_map(signature_def_map)
        self._add_main_op(main_op if main_op is not None else legacy_init_op)
        assets.save_assets(self._export_dir, assets_collection)
        variables_dir = os.path.join(self._export_dir, constants.VARIABLES_DIRECTORY)
        os.makedirs(variables_dir, exist_ok=True)
        saver = self._new_saver(saver)
        saver.save(sess, os.path.join(variables_dir, constants.VARIABLES_FILENAME),
                   write_meta_graph=False, write_state=False)
        self._saved_model.meta_graphs.append(
            self._tagged_meta_graph(saver, tags, signature_def_map, clear_devices))
        self._has_saved_variables = True

    def save(self, as_text=False, experimental_image_format=False,
             experimental_image_writer_options=None) -> bytes:
        """Writes ``saved_model.pb`` (``saved_model.pbtxt`` with ``as_text``); returns its path
        as bytes."""
        del experimental_image_writer_options
        if experimental_image_format:
            raise NotImplementedError("tfcompat's SavedModelBuilder does not write the "
                                      "experimental image format")
        if as_text:
            path = os.path.join(self._export_dir, constants.SAVED_MODEL_FILENAME_PBTXT)
            with open(path, "w", encoding="utf-8") as f:
                f.write(message_to_string(self._saved_model, python_style=True))
        else:
            path = os.path.join(self._export_dir, constants.SAVED_MODEL_FILENAME_PB)
            with open(path, "wb") as f:
                f.write(self._saved_model.SerializeToString(deterministic=True))
        return os.fsencode(path)


Builder = SavedModelBuilder


def simple_save(session, export_dir, inputs, outputs, legacy_init_op=None) -> None:
    """Saves ``session``'s graph and variables as a serving SavedModel with one predict
    signature (``serving_default``) of ``inputs`` and ``outputs`` (``{key: Tensor}`` maps)."""
    signature_def_map = {
        signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY:
            predict_signature_def(inputs, outputs)}
    builder = SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(
        session, tags=[tag_constants.SERVING], signature_def_map=signature_def_map,
        assets_collection=ops.get_default_graph().get_collection(ops.GraphKeys.ASSET_FILEPATHS),
        main_op=legacy_init_op, clear_devices=True)
    builder.save()
