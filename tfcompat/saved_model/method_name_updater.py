"""``tf.saved_model.signature_def_utils.MethodNameUpdater``: rewrites the method names of a
SavedModel's signatures and saves the proto again."""

from __future__ import annotations

import os

from tfcompat.framework import errors
from tfcompat.saved_model import constants
from tfcompat.saved_model.loader_impl import parse_saved_model


class MethodNameUpdater:
    """Updates ``method_name`` of signatures in the SavedModel at ``export_dir``::

        updater = MethodNameUpdater(export_dir)
        updater.replace_method_name("serving_default", "classify", tags=["serve"])
        updater.save()   # or updater.save(new_export_dir)
    """

    def __init__(self, export_dir):
        self._export_dir = os.fsdecode(os.fspath(export_dir))
        self._saved_model = parse_saved_model(self._export_dir)

    def replace_method_name(self, signature_key, method_name, tags=None) -> None:
        """Sets the method name of signature ``signature_key`` in the meta graph tagged
        ``tags`` (in every meta graph when ``tags`` is None)."""
        if not signature_key:
            raise ValueError("`signature_key` must be defined.")
        if not method_name:
            raise ValueError("`method_name` must be defined.")
        if tags is not None and not isinstance(tags, list):
            tags = [tags]
        found = False
        for meta_graph_def in self._saved_model.meta_graphs:
            if tags is not None and set(tags) != set(meta_graph_def.meta_info_def.tags):
                continue
            found = True
            if signature_key not in meta_graph_def.signature_def:
                raise ValueError(f"MetaGraphDef associated with tags {tags} does not have a "
                                 f"signature_def with key: '{signature_key}'. This means "
                                 "either you specified the wrong signature key or forgot to "
                                 "put the signature_def with the corresponding key in your "
                                 "SavedModel.")
            meta_graph_def.signature_def[signature_key].method_name = method_name
        if not found:
            raise ValueError(f"MetaGraphDef associated with tags {tags} could not be found in "
                             "SavedModel. This means either you specified invalid tags or your "
                             "SavedModel does not have a MetaGraphDef with the specified tags.")

    def save(self, new_export_dir=None) -> None:
        """Writes ``saved_model.pb`` to ``new_export_dir`` (default: the source directory),
        which must exist; the variables and assets are not copied."""
        export_dir = os.fsdecode(os.fspath(new_export_dir)) if new_export_dir else (
            self._export_dir)
        path = os.path.join(export_dir, constants.SAVED_MODEL_FILENAME_PB)
        try:
            with open(path, "wb") as f:
                f.write(self._saved_model.SerializeToString(deterministic=True))
        except FileNotFoundError:
            raise errors.NotFoundError(None, None,
                                       f"{path}; No such file or directory") from None
