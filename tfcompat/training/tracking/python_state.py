"""``tf.train.experimental.PythonState``: Python state saved in object-based checkpoints as a
string (``<path>/.ATTRIBUTES/py_state``), written by ``serialize()`` when a checkpoint is saved
and handed to ``deserialize()`` as soon as ``Checkpoint.restore`` matches it."""

from __future__ import annotations

import abc

PYTHON_STATE = "py_state"


class PythonState(abc.ABC):
    """Subclass with ``serialize() -> str|bytes`` and ``deserialize(bytes)`` to checkpoint
    Python values (a counter, a NumPy RNG state...) alongside variables."""

    @abc.abstractmethod
    def serialize(self):
        """The state to save, as a string."""

    @abc.abstractmethod
    def deserialize(self, string_value):
        """Restores the state from the string ``serialize()`` returned."""
