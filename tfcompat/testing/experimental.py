"""``tf.test.experimental``."""

from __future__ import annotations


def sync_devices() -> None:
    """Waits for pending device work — eager mode only; tfcompat always builds graphs, so this
    raises as TF does outside eager mode."""
    raise RuntimeError("sync_devices() must only be called in Eager mode, outside tf.functions")
