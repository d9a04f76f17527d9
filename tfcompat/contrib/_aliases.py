"""Contrib names that are other tfcompat names, resolved when first looked up.

Resolving late lets ``tf.contrib.rnn.static_bidirectional_rnn`` appear as soon as
``tf.nn.static_bidirectional_rnn`` exists, with no second list to keep in step. A name whose
target tfcompat lacks raises the usual "not supported" error, naming the contrib symbol.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

# The one place contrib imports the unsupported-symbol errors from (the contrib modules take
# make_getattr from here).
from tfcompat.platform.unsupported import make_getattr


def alias_getattr(tf_path: str, module_name: str,
                  table: dict[str, tuple[str, str]]) -> Callable[[str], object]:
    """A module ``__getattr__`` serving ``table``: name -> (tfcompat module, attribute)."""
    unsupported = make_getattr(tf_path, module_name)

    def __getattr__(name: str):
        target = table.get(name)
        if target is not None:
            value = getattr(importlib.import_module(target[0]), target[1], None)
            if value is not None:
                setattr(sys.modules[module_name], name, value)
                return value
        return unsupported(name)

    return __getattr__
