"""Reading checkpoints outside a graph: ``tf.train.NewCheckpointReader``, ``load_checkpoint``,
``list_variables`` and ``load_variable``."""

from __future__ import annotations

import os

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.training.checkpoint import bundle, state


class CheckpointReader:
    """The tensors of one V2 checkpoint, by name (what ``tf.train.NewCheckpointReader`` returns).
    """

    def __init__(self, filepattern):
        self._bundle = bundle.BundleReader(os.fspath(filepattern))

    def has_tensor(self, tensor_str: str) -> bool:
        return tensor_str in self._bundle.entries

    def get_tensor(self, tensor_str: str):
        """The stored value: an ndarray, or a numpy scalar for a 0-d tensor, as TF returns it.

        NotFoundError ``Key <name> not found in checkpoint`` for a missing name.
        """
        value = self._bundle.read(tensor_str)
        return value[()] if value.ndim == 0 else value

    def get_variable_to_shape_map(self) -> dict[str, list[int]]:
        return {name: self._bundle.shape(name).as_list() for name in self._bundle.entries}

    def get_variable_to_dtype_map(self) -> dict[str, dtypes.DType]:
        return {name: self._bundle.dtype(name) for name in self._bundle.entries}

    def debug_string(self) -> bytes:
        """One line per stored tensor, ``name (DT_FLOAT) [2,3]``, in index order: a
        partitioned tensor appears as its slices, under their binary keys."""
        entries = {name.encode(): entry for name, entry in self._bundle.entries.items()
                   if not entry.slices}
        entries.update(self._bundle.slice_entries)
        lines = []
        for key in sorted(entries):
            entry = entries[key]
            shape = ",".join(str(d.size) for d in entry.shape.dim)
            label = f" ({dtypes.enum_name(dtypes.as_dtype(entry.dtype))}) [{shape}]\n"
            lines.append(key + label.encode())
        return b"".join(lines)


def NewCheckpointReader(filepattern) -> CheckpointReader:  # noqa: N802 - TF's public name
    """A reader of the checkpoint with prefix ``filepattern``; NotFoundError when it is missing.
    """
    return CheckpointReader(filepattern)


def _checkpoint_filename(ckpt_dir_or_file) -> str | None:
    ckpt_dir_or_file = os.fspath(ckpt_dir_or_file)
    if os.path.isdir(ckpt_dir_or_file):
        return state.latest_checkpoint(ckpt_dir_or_file)
    return ckpt_dir_or_file


def load_checkpoint(ckpt_dir_or_file) -> CheckpointReader:
    """A CheckpointReader for a checkpoint prefix, or for the latest checkpoint of a directory.
    """
    filename = _checkpoint_filename(ckpt_dir_or_file)
    if filename is None:
        raise ValueError("Couldn't find 'checkpoint' file or checkpoints in given directory "
                         f"{ckpt_dir_or_file}")
    return NewCheckpointReader(filename)


def load_variable(ckpt_dir_or_file, name: str) -> np.ndarray:
    """The value of tensor ``name`` (a trailing ``:0`` is dropped) in a checkpoint."""
    if name.endswith(":0"):
        name = name[:-2]
    return load_checkpoint(ckpt_dir_or_file).get_tensor(name)


def list_variables(ckpt_dir_or_file) -> list[tuple[str, list[int]]]:
    """``(name, shape)`` of every tensor in a checkpoint, sorted by name."""
    shapes = load_checkpoint(ckpt_dir_or_file).get_variable_to_shape_map()
    return [(name, shapes[name]) for name in sorted(shapes)]
