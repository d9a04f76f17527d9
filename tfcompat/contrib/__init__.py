"""``tf.contrib``: the parts of TensorFlow 1.15's contrib that classic TF1 code uses.

TF 1.15 is the reference (TF 2.x has no contrib). Submodules load on first access, as TF's
contrib did: ``layers``, ``framework``, ``slim``, ``rnn``, ``crf``, ``legacy_seq2seq``,
``seq2seq`` (sequence_loss, training/greedy helpers, BasicDecoder, dynamic_decode, tile_batch),
``losses`` (contrib's argument order) and ``metrics`` (the ``streaming_*`` aliases). Any other
``tf.contrib`` name raises ``AttributeError: tf.contrib.X is not supported by tfcompat yet``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from tfcompat.contrib._aliases import make_getattr

SUBMODULES = ("crf", "framework", "layers", "legacy_seq2seq", "losses", "metrics", "rnn",
              "seq2seq", "slim")

__all__ = list(SUBMODULES)

_unsupported = make_getattr("tf.contrib", __name__)


def __getattr__(name: str) -> ModuleType:
    if name in SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    return _unsupported(name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(SUBMODULES))
