"""``tf.train.Saver``: saves and restores variables as V2 checkpoints, building TF1's graph.

For variables ``step`` and ``w`` a Saver adds, under the name scope ``save`` (``save_1``...)::

    save/filename/input  Const "model"           save/RestoreV2/tensor_names      Const
    save/filename        PlaceholderWithDefault  save/RestoreV2/shape_and_slices  Const
    save/Const           PlaceholderWithDefault  save/RestoreV2  RestoreV2  (on /device:CPU:0)
    save/SaveV2/tensor_names, .../shape_and_slices   save/Assign, save/Assign_1  Assign
    save/SaveV2          SaveV2 (reads the variables' reference tensors)
    save/control_dependency  Identity of save/Const after save/SaveV2
    save/restore_all     NoOp after every save/Assign

``save`` feeds the checkpoint prefix to ``save/Const`` and fetches ``save/control_dependency``;
``restore`` feeds it and runs ``save/restore_all``. Tensors are named by the variables' op
names (or the keys of a ``var_list`` dict) and saved in name order.
"""

from __future__ import annotations

import os
import time

import numpy as np

from tfcompat.client.session import BaseSession
from tfcompat.framework import errors, ops
from tfcompat.framework.device import DeviceSpec
from tfcompat.framework.ops import GraphKeys, Tensor
from tfcompat.ops import array_ops, constant_op, control_flow_ops
from tfcompat.platform import tf_logging as logging
from tfcompat.protobuf.meta_graph_pb2 import SaverDef
from tfcompat.training import saveable_object, training_util
from tfcompat.training.checkpoint import io_ops, meta_graph, state
from tfcompat.training.saveable_object import SaveableObject
from tfcompat.variables import variables as variables_lib


def saveables(var_list) -> list[SaveableObject]:
    """The saveable objects of ``var_list`` in checkpoint-name order, validated as TF does."""
    return saveable_object.validate_and_slice_inputs(var_list)


# ---- the graph -------------------------------------------------------------------------------

class BaseSaverBuilder:
    """Builds a Saver's save and restore ops (one SaveV2, one RestoreV2) and its SaverDef."""

    def __init__(self, write_version=SaverDef.V2):
        _check_write_version(write_version)
        self._write_version = write_version

    def save_op(self, filename_tensor: Tensor, saveables: list[SaveableObject]):
        """The SaveV2 op writing every spec of ``saveables``."""
        specs = [spec for saveable in saveables for spec in saveable.specs]
        return io_ops.save_v2(filename_tensor, [spec.name for spec in specs],
                              [spec.slice_spec for spec in specs],
                              [spec.tensor for spec in specs], name="SaveV2")

    def bulk_restore(self, filename_tensor: Tensor, saveables: list[SaveableObject],
                     preferred_shard=-1, restore_sequentially=False) -> list[Tensor]:
        """One RestoreV2 op (on the CPU) reading every spec of ``saveables``."""
        del preferred_shard, restore_sequentially
        specs = [spec for saveable in saveables for spec in saveable.specs]
        with ops.get_default_graph().device("/device:CPU:0"):
            return io_ops.restore_v2(filename_tensor, [spec.name for spec in specs],
                                     [spec.slice_spec for spec in specs],
                                     [spec.dtype.base_dtype for spec in specs],
                                     name="RestoreV2")

    def _add_save_ops(self, filename_tensor: Tensor, saveables: list[SaveableObject]) -> Tensor:
        """SaveV2, then the filename passed through once it ran (``control_dependency``)."""
        save = self.save_op(filename_tensor, saveables)
        return control_flow_ops.with_dependencies([save], filename_tensor)

    def _add_restore_ops(self, filename_tensor: Tensor, saveables: list[SaveableObject],
                         reshape: bool, name: str = "restore_all"):
        restored = self.bulk_restore(filename_tensor, saveables)
        restore_ops = []
        position = 0
        for saveable in saveables:
            count = len(saveable.specs)
            tensors = restored[position:position + count]
            position += count
            shapes = None
            if reshape:
                shapes = [_target_shape(spec) for spec in saveable.specs]
            restore_ops.append(saveable.restore(tensors, shapes))
        return control_flow_ops.group(*restore_ops, name=name)

    def _add_sharded_save_ops(self, checkpoint_prefix: Tensor,
                              per_device: list[tuple[str, list[tuple[str, Tensor]]]]) -> Tensor:
        """One SaveV2 per device into ``<prefix>_temp/part-0000k-of-0000n``, then
        MergeV2Checkpoints into ``<prefix>``; returns the prefix once merged."""
        graph = ops.get_default_graph()
        with graph.device("/device:CPU:*"):
            is_s3 = io_ops.static_regex_full_match(checkpoint_prefix, "^s3://.*")
            suffix = array_ops.select(is_s3, constant_op.constant(".part"),
                                      constant_op.constant("_temp/part"))
            temp_prefix = io_ops.string_join([checkpoint_prefix, suffix])
        num_shards = constant_op.constant(len(per_device), name="num_shards")
        shard_prefixes = []
        shard_saves = []
        last_device = ""
        for shard, (device, named) in enumerate(per_device):
            last_device = device
            with graph.device(_cpu0(device)):
                shard_prefix = io_ops.sharded_filename(temp_prefix, shard, num_shards)
                shard_prefixes.append(shard_prefix)
                shard_saves.append(self._add_save_ops(shard_prefix, named))
        with graph.control_dependencies([t.op for t in shard_saves]):
            with graph.device(_cpu0(last_device)):
                merge = io_ops.merge_v2_checkpoints(shard_prefixes, checkpoint_prefix)
                with graph.control_dependencies([merge]):
                    return array_ops.identity(checkpoint_prefix)

    def _build_internal(self, var_list, reshape=False, sharded=False, max_to_keep=5,
                        keep_checkpoint_every_n_hours=10000.0, name=None,
                        restore_sequentially=False, filename="model") -> SaverDef:
        del restore_sequentially  # one bulk RestoreV2 reads every tensor, as in TF 2.x
        named = saveables(var_list)
        with ops.name_scope(name, "save", [spec.tensor for saveable in named
                                            for spec in saveable.specs
                                            if not callable(spec._tensor)]):
            filename_tensor = array_ops.placeholder_with_default(filename or "model", shape=(),
                                                                 name="filename")
            filename_tensor = array_ops.placeholder_with_default(filename_tensor, shape=(),
                                                                 name="Const")
            if sharded:
                per_device = _group_by_device(named)
                save_tensor = self._add_sharded_save_ops(filename_tensor, per_device)
                graph = ops.get_default_graph()
                shard_restores = []
                for device, device_named in per_device:
                    with graph.device(device):
                        shard_restores.append(self._add_restore_ops(
                            filename_tensor, device_named, reshape, name="restore_shard"))
                restore_op = control_flow_ops.group(*shard_restores, name="restore_all")
            else:
                save_tensor = self._add_save_ops(filename_tensor, named)
                restore_op = self._add_restore_ops(filename_tensor, named, reshape)
        return SaverDef(filename_tensor_name=filename_tensor.name,
                        save_tensor_name=save_tensor.name,
                        restore_op_name=restore_op.name,
                        max_to_keep=max_to_keep,
                        sharded=sharded,
                        keep_checkpoint_every_n_hours=keep_checkpoint_every_n_hours,
                        version=self._write_version)


def _target_shape(spec):
    """The shape a restored tensor is reshaped to (``reshape=True``): the saved tensor's."""
    shape = spec.tensor.shape
    return shape.as_list() if shape.is_fully_defined() else array_ops.shape(spec.tensor)


def _cpu0(device: str) -> str:
    """``device`` with its device type and index replaced by CPU:0 (shards save on a CPU)."""
    spec = DeviceSpec.from_string(device)
    return DeviceSpec(job=spec.job, replica=spec.replica, task=spec.task, device_type="CPU",
                      device_index=0).to_string()


def _group_by_device(saveables: list[SaveableObject]) -> list[tuple[str, list]]:
    groups: dict[str, list[SaveableObject]] = {}
    for saveable in saveables:
        groups.setdefault(saveable.device, []).append(saveable)
    return sorted(groups.items(), key=lambda item: item[0])


BulkSaverBuilder = BaseSaverBuilder


def _all_saveable_objects() -> list:
    return variables_lib.global_variables() + ops.get_default_graph().get_collection(
        GraphKeys.SAVEABLE_OBJECTS)


def _check_write_version(write_version) -> None:
    if write_version != SaverDef.V2:
        raise ValueError("tfcompat writes V2 checkpoints only; use "
                         "write_version=tf.train.SaverDef.V2 (the default)")


def _wrap_restore_error(err: errors.OpError, cause: str) -> errors.OpError:
    message = (f"Restoring from checkpoint failed. This is most likely due to {cause} from the "
               "checkpoint. Please ensure that you have not altered the graph expected based on "
               f"the checkpoint. Original error:\n\n{err.message}")
    return type(err)(err.node_def, err.op, message)


# ---- the Saver -------------------------------------------------------------------------------

class Saver:
    """Saves and restores variables (``tf.train.Saver``).

    ``saver.save(sess, 'ckpt/model', global_step=7)`` writes ``ckpt/model-7.index``,
    ``ckpt/model-7.data-00000-of-00001``, ``ckpt/model-7.meta`` and the ``ckpt/checkpoint``
    state file, keeps the newest ``max_to_keep`` checkpoints (deleting older ones unless one is
    due every ``keep_checkpoint_every_n_hours``) and returns ``'ckpt/model-7'``.
    """

    def __init__(self, var_list=None, reshape=False, sharded=False, max_to_keep=5,
                 keep_checkpoint_every_n_hours=10000.0, name=None, restore_sequentially=False,
                 saver_def=None, builder=None, defer_build=False, allow_empty=False,
                 write_version=SaverDef.V2, pad_step_number=False, save_relative_paths=False,
                 filename=None):
        if defer_build and var_list:
            raise ValueError("If `var_list` is provided then build cannot be deferred. Either "
                             "set defer_build=False or var_list=None.")
        _check_write_version(write_version)
        self._var_list = var_list
        self._reshape = reshape
        self._sharded = sharded
        self._max_to_keep = max_to_keep
        self._keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        self._name = name
        self._restore_sequentially = restore_sequentially
        self.saver_def = saver_def
        self._builder = builder
        self._is_built = False
        self._allow_empty = allow_empty
        self._is_empty = None
        self._write_version = write_version
        self._pad_step_number = pad_step_number
        self._filename = filename
        self._save_relative_paths = save_relative_paths
        self._last_checkpoints: list[tuple[str, float]] = []
        self._checkpoints_to_be_deleted: list[tuple[str, float]] = []
        self._next_checkpoint_time = time.time() + keep_checkpoint_every_n_hours * 3600
        if not defer_build:
            self.build()
        if self.saver_def is not None:
            self._check_saver_def()

    def build(self) -> None:
        """Adds the save and restore ops to the graph (once; for ``defer_build=True``)."""
        if self._is_built:
            return
        self._is_built = True
        if self.saver_def is not None:
            self._is_empty = False
            return
        if self._builder is None:
            self._builder = BulkSaverBuilder(self._write_version)
        if self._var_list is None:
            self._var_list = _all_saveable_objects()
        if not self._var_list:
            if self._allow_empty:
                self._is_empty = True
                return
            raise ValueError("No variables to save")
        self._is_empty = False
        self.saver_def = self._builder._build_internal(
            self._var_list, reshape=self._reshape, sharded=self._sharded,
            max_to_keep=self._max_to_keep,
            keep_checkpoint_every_n_hours=self._keep_checkpoint_every_n_hours,
            name=self._name, restore_sequentially=self._restore_sequentially,
            filename=self._filename)

    def _check_saver_def(self) -> None:
        if not isinstance(self.saver_def, SaverDef):
            raise ValueError(f"saver_def must be a saver_pb2.SaverDef: {self.saver_def}")

    # -- bookkeeping of kept checkpoints

    @property
    def last_checkpoints(self) -> list[str]:
        """The prefixes of the kept checkpoints, oldest first."""
        return [path for path, _ in self._last_checkpoints]

    def set_last_checkpoints(self, last_checkpoints) -> None:
        """Replaces the list of kept checkpoints (they will never be due for keeping by age)."""
        assert isinstance(last_checkpoints, list)
        self._last_checkpoints = [(path, np.inf) for path in last_checkpoints]

    def set_last_checkpoints_with_time(self, last_checkpoints_with_time) -> None:
        """Replaces the list of kept checkpoints with ``(prefix, timestamp)`` pairs."""
        assert isinstance(last_checkpoints_with_time, list)
        self._last_checkpoints = list(last_checkpoints_with_time)

    def recover_last_checkpoints(self, checkpoint_paths) -> None:
        """Keeps those of ``checkpoint_paths`` that exist, timed by their files' mtimes."""
        recovered = []
        for path in checkpoint_paths:
            mtimes = state.get_checkpoint_mtimes([path])
            if mtimes:
                recovered.append((path, mtimes[0]))
        self.set_last_checkpoints_with_time(recovered)

    def _record_last_checkpoint(self, path: str) -> None:
        if not self.saver_def.max_to_keep:
            return
        self._last_checkpoints = [p for p in self._last_checkpoints if p[0] != path]
        self._last_checkpoints.append((path, time.time()))
        if len(self._last_checkpoints) > self.saver_def.max_to_keep:
            self._checkpoints_to_be_deleted.append(self._last_checkpoints.pop(0))

    def _delete_old_checkpoints(self, meta_graph_suffix: str) -> None:
        if not self._checkpoints_to_be_deleted:
            return
        path, saved_at = self._checkpoints_to_be_deleted.pop(0)
        if saved_at > self._next_checkpoint_time:
            # Preserved: one checkpoint per keep_checkpoint_every_n_hours survives.
            self._next_checkpoint_time += self.saver_def.keep_checkpoint_every_n_hours * 3600
            return
        state.remove_checkpoint(path, meta_graph_suffix)

    # -- save and restore

    def save(self, sess, save_path, global_step=None, latest_filename=None,
             meta_graph_suffix="meta", write_meta_graph=True, write_state=True,
             strip_default_attrs=False, save_debug_info=False):
        """Saves the variables to ``save_path`` (``-<global_step>`` appended when given).

        Returns the checkpoint prefix written (None for an empty saver). Raises ValueError when
        the parent directory does not exist.
        """
        del strip_default_attrs, save_debug_info
        if not self._is_built:
            raise RuntimeError("`build()` should be called before save if defer_build==True")
        latest_filename = latest_filename or state.DEFAULT_STATE_FILENAME
        if os.path.split(latest_filename)[0]:
            raise ValueError("'latest_filename' must not contain path components")
        save_path = os.fspath(save_path)
        if global_step is not None:
            if not isinstance(global_step, (int, np.integer)):
                global_step = training_util.global_step(sess, global_step)
            step = f"{global_step:08d}" if self._pad_step_number else f"{global_step:d}"
            checkpoint_file = f"{save_path}-{step}"
        else:
            checkpoint_file = save_path
            if os.path.basename(save_path) == latest_filename:
                raise ValueError(f"'latest_filename' collides with 'save_path': "
                                 f"'{latest_filename}' and '{save_path}'")
        if not isinstance(sess, BaseSession):
            raise TypeError(f"'sess' must be a Session; {sess}")
        save_dir = os.path.dirname(save_path)
        model_checkpoint_path = None
        if not self._is_empty:
            try:
                written = sess.run(self.saver_def.save_tensor_name,
                                   {self.saver_def.filename_tensor_name: checkpoint_file})
            except (errors.FailedPreconditionError, errors.NotFoundError) as e:
                if not os.path.isdir(save_dir or os.curdir):
                    raise ValueError(f"Parent directory of {save_path} doesn't exist, can't "
                                     "save.") from None
                raise e
            model_checkpoint_path = io_ops.as_text(written)
            if write_state:
                self._record_last_checkpoint(model_checkpoint_path)
                state.update_checkpoint_state_internal(
                    save_dir, model_checkpoint_path, self.last_checkpoints, latest_filename,
                    save_relative_paths=self._save_relative_paths)
                self._delete_old_checkpoints(meta_graph_suffix)
        if write_meta_graph:
            filename = state.meta_graph_filename(checkpoint_file, meta_graph_suffix)
            with sess.graph.as_default():
                self.export_meta_graph(filename)
        return model_checkpoint_path

    def restore(self, sess, save_path) -> None:
        """Restores the variables from checkpoint ``save_path`` (a prefix such as ``'ckpt/m-7'``).

        ValueError for None or a path that is not a checkpoint; a missing variable raises
        NotFoundError and a shape or dtype mismatch InvalidArgumentError, with TF's texts.
        """
        if self._is_empty:
            return
        if save_path is None:
            raise ValueError("Can't load save_path when it is None.")
        save_path = os.fspath(save_path)
        if not state.checkpoint_exists(save_path):
            raise ValueError("The passed save_path is not a valid checkpoint: " + save_path)
        logging.info("Restoring parameters from %s", save_path)
        try:
            sess.run(self.saver_def.restore_op_name,
                     {self.saver_def.filename_tensor_name: save_path})
        except errors.NotFoundError as e:
            raise _wrap_restore_error(e, "a Variable name or other graph key that is missing"
                                      ) from None
        except errors.InvalidArgumentError as e:
            raise _wrap_restore_error(e, "a mismatch between the current graph and the graph"
                                      ) from None

    # -- protos

    def as_saver_def(self) -> SaverDef:
        return self.saver_def

    def to_proto(self, export_scope=None) -> SaverDef:
        """The SaverDef (``export_scope`` must be None: tfcompat does not strip scopes)."""
        if export_scope is not None:
            raise ValueError("tfcompat's Saver.to_proto supports export_scope=None only")
        return self.saver_def

    @staticmethod
    def from_proto(saver_def, import_scope=None) -> Saver:
        """A Saver using the ops named by ``saver_def`` (``import_scope`` must be None)."""
        if import_scope is not None:
            raise ValueError("tfcompat's Saver.from_proto supports import_scope=None only")
        return Saver(saver_def=saver_def)

    def export_meta_graph(self, filename=None, collection_list=None, as_text=False,
                          export_scope=None, clear_devices=False,
                          clear_extraneous_savers=False, strip_default_attrs=False,
                          save_debug_info=False):
        """Writes (when ``filename`` is given) and returns the graph's MetaGraphDef, with this
        saver's SaverDef."""
        return meta_graph.export_meta_graph(
            filename, saver_def=self.saver_def, collection_list=collection_list,
            as_text=as_text, export_scope=export_scope, clear_devices=clear_devices,
            clear_extraneous_savers=clear_extraneous_savers,
            strip_default_attrs=strip_default_attrs, save_debug_info=save_debug_info)

