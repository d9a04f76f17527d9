"""Checkpoint utilities on top of Saver's format: ``init_from_checkpoint`` (variables whose
initializer reads a checkpoint), ``warm_start``, ``checkpoints_iterator`` and
``remove_checkpoint`` with TF's signature."""

from __future__ import annotations

import collections
import os
import time

from tfcompat.framework import ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import state_ops
from tfcompat.platform import tf_logging as logging
from tfcompat.protobuf.meta_graph_pb2 import SaverDef
from tfcompat.training.checkpoint import io_ops, state
from tfcompat.training.checkpoint.reader import load_checkpoint
from tfcompat.variables import variable_scope
from tfcompat.variables.partitioned_variables import PartitionedVariable
from tfcompat.variables.variables import Variable


def _checkpoint_filename(ckpt_dir_or_file: str) -> str:
    if os.path.isdir(ckpt_dir_or_file):
        return state.latest_checkpoint(ckpt_dir_or_file)
    return ckpt_dir_or_file


def _set_checkpoint_initializer(variable, ckpt_file: str, tensor_name: str,
                                slice_spec: str = "") -> None:
    """Makes ``variable``'s initializer assign the checkpoint's ``tensor_name`` (its slice
    ``slice_spec`` for a piece of a partitioned variable)."""
    graph = variable.graph
    with graph.device(variable.device), graph.device("/cpu:0"):
        restore = io_ops.restore_v2(ckpt_file, [tensor_name], [slice_spec],
                                    [variable.dtype.base_dtype],
                                    name="checkpoint_initializer")[0]
    restore.set_shape(variable.shape)
    variable._initializer_op = state_ops.assign(
        variable, restore, validate_shape=variable.shape.is_fully_defined())
    variable._initial_value = restore


def _set_initializer(var_or_list, ckpt_file: str, tensor_name: str) -> None:
    if not isinstance(var_or_list, (list, tuple)):
        _set_checkpoint_initializer(var_or_list, ckpt_file, tensor_name)
        return
    for piece in var_or_list:
        slice_info = piece._save_slice_info
        if slice_info is None:
            raise ValueError(f"Slices must all be slices: {piece.name}")
        if slice_info.full_name != var_or_list[0]._save_slice_info.full_name:
            raise ValueError(f"Slices must all be from the same tensor: "
                             f"{var_or_list[0]._save_slice_info.full_name} != "
                             f"{slice_info.full_name}")
        _set_checkpoint_initializer(piece, ckpt_file, tensor_name, slice_info.spec)


def _collect_partitioned_variable(name: str, store_vars: dict) -> list | None:
    """The pieces ``name/part_0``, ``name/part_1``... of a partitioned variable, else None."""
    if f"{name}/part_0" not in store_vars:
        return None
    pieces = []
    while f"{name}/part_{len(pieces)}" in store_vars:
        pieces.append(store_vars[f"{name}/part_{len(pieces)}"])
    return pieces


def _is_variable(x) -> bool:
    return isinstance(x, Variable)


def init_from_checkpoint(ckpt_dir_or_file, assignment_map) -> None:
    """Replaces the initializers of variables by reads of a checkpoint.

    ``assignment_map`` maps checkpoint names to current variables or variable names:
    ``{"old_scope/": "new_scope/"}`` (every variable of ``new_scope``), ``{"old/w": "new/w"}``,
    ``{"name_in_ckpt": variable}``, or ``{"/": "scope/"}`` (from the checkpoint's root).
    Names refer to variables created by ``tf.get_variable``; a partitioned variable (by name,
    as a PartitionedVariable or as the list of its pieces) reads its slices of the tensor.
    """
    ckpt_file = _checkpoint_filename(ckpt_dir_or_file)
    variable_map = load_checkpoint(ckpt_dir_or_file).get_variable_to_shape_map()
    if isinstance(assignment_map, collections.abc.Mapping):
        assignment_map = assignment_map.items()
    store_vars = variable_scope._store().vars
    for tensor_name_in_ckpt, current in sorted(assignment_map, key=lambda pair: pair[0]):
        if isinstance(current, PartitionedVariable):
            current = list(current)
        if _is_variable(current) or (isinstance(current, list) and current
                                     and all(_is_variable(v) for v in current)):
            var = current
        else:
            var = store_vars.get(current)
            if var is None:
                var = _collect_partitioned_variable(current, store_vars)
        if var is not None:
            if tensor_name_in_ckpt not in variable_map:
                raise ValueError(f"Tensor {tensor_name_in_ckpt} is not found in "
                                 f"{ckpt_dir_or_file} checkpoint {variable_map}")
            if _is_variable(var) and not var.shape.is_compatible_with(
                    variable_map[tensor_name_in_ckpt]):
                raise ValueError(f"Shape of variable {var.name} ({var.shape}) doesn't match "
                                 f"with shape of tensor {tensor_name_in_ckpt} "
                                 f"({variable_map[tensor_name_in_ckpt]}) from checkpoint "
                                 f"reader.")
            _set_initializer(var, ckpt_file, tensor_name_in_ckpt)
            var_name = var.name if _is_variable(var) else ",".join(v.name for v in var)
            logging.debug("Initialize variable %s from checkpoint %s with %s", var_name,
                          ckpt_dir_or_file, tensor_name_in_ckpt)
            continue
        scopes = current[:current.rindex("/")] if "/" in current else ""
        if not tensor_name_in_ckpt.endswith("/"):
            raise ValueError(f"Assignment map with scope only name {scopes} should map to "
                             f"scope only {tensor_name_in_ckpt}. Should be 'scope/': "
                             f"'other_scope/'.")
        scope_variables = sorted(name for name in store_vars
                                 if not scopes or name.startswith(scopes + "/"))
        initialized: set[str] = set()
        for var_name in scope_variables:
            if "/part_" in var_name:  # a piece: the partitioned variable is initialized whole
                var_name = var_name[:var_name.index("/part_")]
            if var_name in initialized:
                continue
            initialized.add(var_name)
            full_tensor_name = var_name[len(scopes):]
            if current != "/":
                full_tensor_name = full_tensor_name[1:]
            if tensor_name_in_ckpt != "/":
                full_tensor_name = tensor_name_in_ckpt + full_tensor_name
            full_tensor_name = full_tensor_name.rstrip("/")
            if full_tensor_name not in variable_map:
                raise ValueError(f"Tensor {full_tensor_name} ({var_name[len(scopes) + 1:]} in "
                                 f"{tensor_name_in_ckpt}) is not found in {ckpt_dir_or_file} "
                                 f"checkpoint")
            var = store_vars.get(var_name)
            if var is None:
                var = _collect_partitioned_variable(var_name, store_vars)
            _set_initializer(var, ckpt_file, full_tensor_name)
            logging.debug("Initialize variable %s from checkpoint %s with %s", var_name,
                          ckpt_dir_or_file, full_tensor_name)


def wait_for_new_checkpoint(checkpoint_dir, last_checkpoint=None, seconds_to_sleep=1,
                            timeout=None):
    """The latest checkpoint once it differs from ``last_checkpoint``; None on timeout."""
    logging.info("Waiting for new checkpoint at %s", checkpoint_dir)
    stop_time = time.time() + timeout if timeout is not None else None
    while True:
        checkpoint_path = state.latest_checkpoint(checkpoint_dir)
        if checkpoint_path is None or checkpoint_path == last_checkpoint:
            if stop_time is not None and time.time() + seconds_to_sleep > stop_time:
                return None
            time.sleep(seconds_to_sleep)
        else:
            logging.info("Found new checkpoint at %s", checkpoint_path)
            return checkpoint_path


def checkpoints_iterator(checkpoint_dir, min_interval_secs=0, timeout=None, timeout_fn=None):
    """Yields each new checkpoint of ``checkpoint_dir`` as it appears (at most one per
    ``min_interval_secs``); ends after ``timeout`` seconds without one unless
    ``timeout_fn()`` returns False."""
    checkpoint_path = None
    while True:
        new_checkpoint_path = wait_for_new_checkpoint(checkpoint_dir, checkpoint_path,
                                                      timeout=timeout)
        if new_checkpoint_path is None:
            if not timeout_fn:
                logging.info("Timed-out waiting for a checkpoint.")
                return
            if timeout_fn():
                return
            continue
        start = time.time()
        checkpoint_path = new_checkpoint_path
        yield checkpoint_path
        time_to_next_eval = start + min_interval_secs - time.time()
        if time_to_next_eval > 0:
            time.sleep(time_to_next_eval)


def remove_checkpoint(checkpoint_prefix, checkpoint_format_version=SaverDef.V2,
                      meta_graph_suffix="meta") -> None:
    """Deletes the files of a checkpoint (V2: index, data shards and meta graph)."""
    if checkpoint_format_version == SaverDef.V2:
        state.remove_checkpoint(checkpoint_prefix, meta_graph_suffix)
        return
    for path in (checkpoint_prefix, state.meta_graph_filename(checkpoint_prefix,
                                                              meta_graph_suffix)):
        try:
            os.remove(path)
        except OSError as e:
            logging.warning("Ignoring: %s", e)


class VocabInfo(collections.namedtuple("VocabInfo", [
        "new_vocab", "new_vocab_size", "num_oov_buckets", "old_vocab", "old_vocab_size",
        "backup_initializer", "axis"])):
    """How to remap a vocabulary-indexed variable in ``warm_start``."""

    def __new__(cls, new_vocab, new_vocab_size, num_oov_buckets, old_vocab, old_vocab_size=-1,
                backup_initializer=None, axis=0):
        if axis not in (0, 1):
            raise ValueError(f"The only supported values for the axis argument are 0 and 1.  "
                             f"Provided axis: {axis}")
        return super().__new__(cls, new_vocab, new_vocab_size, num_oov_buckets, old_vocab,
                               old_vocab_size, backup_initializer, axis)


def _grouped_variables(vars_to_warm_start) -> dict:
    graph = ops.get_default_graph()
    if isinstance(vars_to_warm_start, str) or vars_to_warm_start is None:
        logging.info("Warm-starting variables only in TRAINABLE_VARIABLES.")
        list_of_vars = graph.get_collection(GraphKeys.TRAINABLE_VARIABLES,
                                            scope=vars_to_warm_start)
    elif isinstance(vars_to_warm_start, list):
        if all(isinstance(v, str) for v in vars_to_warm_start):
            list_of_vars = []
            for v in vars_to_warm_start:
                list_of_vars += graph.get_collection(GraphKeys.GLOBAL_VARIABLES, scope=v)
        elif all(_is_variable(v) for v in vars_to_warm_start):
            list_of_vars = vars_to_warm_start
        else:
            raise ValueError(f"If `vars_to_warm_start` is a list, it must be all `Variable` or "
                             f"all `str`.  Given types are "
                             f"{[type(v) for v in vars_to_warm_start]}")
    else:
        raise ValueError(f"`vars_to_warm_start must be a `list` or `str`.  Given type is "
                         f"{type(vars_to_warm_start)}")
    grouped = {}
    for v in list_of_vars:
        slice_info = getattr(v, "_save_slice_info", None)  # pieces group under the full name
        grouped.setdefault(slice_info.full_name if slice_info else v.op.name, []).append(v)
    return grouped


def warm_start(ckpt_to_initialize_from, vars_to_warm_start=".*", var_name_to_vocab_info=None,
               var_name_to_prev_var_name=None) -> None:
    """Initializes the chosen variables (a regex over TRAINABLE_VARIABLES, or a list of
    names/variables) from a checkpoint, optionally under other names there."""
    logging.info(f"Warm-starting from: {ckpt_to_initialize_from}")
    if var_name_to_vocab_info:
        raise NotImplementedError("warm_start with var_name_to_vocab_info (vocabulary "
                                  "remapping) is not supported by tfcompat")
    grouped = _grouped_variables(vars_to_warm_start)
    var_name_to_prev_var_name = var_name_to_prev_var_name or {}
    prev_var_name_used = set()
    pending = {}
    count = 0
    for var_name, group in grouped.items():
        prev_var_name = var_name_to_prev_var_name.get(var_name)
        if prev_var_name:
            prev_var_name_used.add(var_name)
        if not vars_to_warm_start:
            continue
        count += 1
        variable = group[0] if len(group) == 1 else group
        prev_tensor_name = prev_var_name or var_name
        if prev_tensor_name in pending:
            # One tensor initializing two variables needs two init_from_checkpoint calls.
            init_from_checkpoint(ckpt_to_initialize_from, pending)
            pending = {}
        pending[prev_tensor_name] = variable
    if pending:
        init_from_checkpoint(ckpt_to_initialize_from, pending)
    logging.info("Warm-started %d variables.", count)
    unused = set(var_name_to_prev_var_name) - prev_var_name_used
    if unused:
        raise ValueError(f"You provided the following variables in var_name_to_prev_var_name "
                         f"that were not used: {unused}.  Perhaps you misspelled them?  Here is "
                         f"the list of viable variable names: {grouped.keys()}")
