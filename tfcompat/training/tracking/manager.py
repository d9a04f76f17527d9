"""``tf.train.CheckpointManager``: numbered saves of a ``Checkpoint`` in a directory, keeping
the newest ``max_to_keep`` (plus one every ``keep_checkpoint_every_n_hours``), recorded in the
directory's ``checkpoint`` file with TF's timestamps."""

from __future__ import annotations

import collections
import os
import time

from tfcompat.framework import default_session
from tfcompat.framework.ops import Tensor
from tfcompat.training.checkpoint import state
from tfcompat.variables.variables import Variable


class CheckpointManager:
    """Manages the checkpoints of ``checkpoint`` in ``directory``: ``save()`` writes
    ``<directory>/<checkpoint_name>-<number>``, deleting the oldest beyond ``max_to_keep``."""

    def __init__(self, checkpoint, directory, max_to_keep, keep_checkpoint_every_n_hours=None,
                 checkpoint_name="ckpt", step_counter=None, checkpoint_interval=None,
                 init_fn=None, last_checkpoint_step=None):
        self._checkpoint = checkpoint
        self._save_counter_assign = None
        if max_to_keep is not None and max_to_keep <= 0:
            raise ValueError("Expected a positive integer or `None` for `max_to_keep`, got "
                             f"{max_to_keep}.")
        self._max_to_keep = max_to_keep
        self._keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        if checkpoint_interval is not None and step_counter is None:
            raise ValueError("`step_counter` should be passed if `checkpoint_interval` is not "
                             "None.")
        self._directory = os.fspath(directory)
        self._checkpoint_prefix = os.path.join(self._directory, checkpoint_name)
        self._step_counter = step_counter
        self._checkpoint_interval = checkpoint_interval
        self._last_checkpoint_step = last_checkpoint_step
        self._init_fn = init_fn
        now = time.time()
        self._maybe_delete: collections.OrderedDict[str, float] = collections.OrderedDict()
        recovered = state.get_checkpoint_state(self._directory)
        if recovered is None:
            self._latest_checkpoint = None
            self._last_preserved_timestamp = now
            return
        self._latest_checkpoint = recovered.model_checkpoint_path
        self._last_preserved_timestamp = recovered.last_preserved_timestamp
        if now < self._last_preserved_timestamp:
            self._last_preserved_timestamp = now
        paths = list(recovered.all_model_checkpoint_paths)
        stamps = list(recovered.all_model_checkpoint_timestamps) or (
            [self._last_preserved_timestamp] * len(paths))
        for path, stamp in zip(paths, stamps):
            stamp = min(stamp, now)
            if stamp > self._last_preserved_timestamp:
                self._maybe_delete[path] = stamp

    @property
    def directory(self) -> str:
        return self._directory

    @property
    def checkpoint_interval(self):
        return self._checkpoint_interval

    @property
    def latest_checkpoint(self) -> str | None:
        """The prefix of the newest checkpoint, or None."""
        return self._latest_checkpoint

    @property
    def checkpoints(self) -> list[str]:
        """The managed checkpoints, oldest first."""
        return list(self._maybe_delete)

    @property
    def checkpoint(self):
        return self._checkpoint

    def _sweep(self) -> None:
        if self._max_to_keep is None:
            return
        while len(self._maybe_delete) > self._max_to_keep:
            path, stamp = self._maybe_delete.popitem(last=False)
            if self._keep_checkpoint_every_n_hours and (
                    stamp - self._keep_checkpoint_every_n_hours * 3600.
                    >= self._last_preserved_timestamp):
                self._last_preserved_timestamp = stamp
                continue
            state.remove_checkpoint(path)

    def _record_state(self) -> None:
        paths = list(self._maybe_delete)
        state.update_checkpoint_state_internal(
            self._directory, self._latest_checkpoint, all_model_checkpoint_paths=paths,
            all_model_checkpoint_timestamps=list(self._maybe_delete.values()),
            last_preserved_timestamp=self._last_preserved_timestamp,
            save_relative_paths=True)

    def _step(self, session) -> int:
        value = self._step_counter
        if isinstance(value, (Tensor, Variable)):
            value = session.run(value)
        return int(value)

    def save(self, checkpoint_number=None, check_interval=True, options=None) -> str | None:
        """Saves a numbered checkpoint (``checkpoint_number``, else the incremented
        ``save_counter``) in the default session; returns its prefix, or None when
        ``checkpoint_interval`` steps have not passed since the last save."""
        session = default_session.get_default_session()
        if session is None:
            raise ValueError("CheckpointManager.save() in graph mode runs in the default "
                             "session: call it inside `with sess.as_default():`")
        if self._checkpoint_interval is not None:
            step = self._step(session)
            if (check_interval and self._last_checkpoint_step is not None
                    and step < self._last_checkpoint_step + self._checkpoint_interval):
                return None
            self._last_checkpoint_step = step
        if self._checkpoint._maybe_create_save_counter():
            session.run(self._checkpoint.save_counter.initializer)
        counter = self._checkpoint.save_counter
        if self._save_counter_assign is None:
            with session.graph.as_default():
                self._save_counter_assign = counter.assign_add(1)
        number = session.run(self._save_counter_assign)
        if checkpoint_number is None:
            checkpoint_number = number
        elif isinstance(checkpoint_number, (Tensor, Variable)):
            checkpoint_number = session.run(checkpoint_number)
        prefix = f"{self._checkpoint_prefix}-{int(checkpoint_number)}"
        path = self._checkpoint.write(prefix, session=session, options=options)
        stamp = time.time()
        self._maybe_delete.pop(path, None)
        self._maybe_delete[path] = stamp
        self._latest_checkpoint = path
        self._sweep()
        self._record_state()
        return path

    def restore_or_initialize(self):
        """Restores the latest checkpoint (building its restore ops, as TF does in graph mode)
        and returns its path, or calls ``init_fn`` and returns None."""
        if self._latest_checkpoint is not None:
            self._checkpoint.restore(self._latest_checkpoint)
            return self._latest_checkpoint
        if self._init_fn is not None:
            self._init_fn()
        return None

    def sync(self) -> None:
        """Waits for pending writes: tfcompat writes synchronously, so there are none."""
