"""Process-wide debugging switches of ``tf.debugging`` that only matter to eager TF.

``set_log_device_placement`` logs placements of eager ops and traceback filtering trims TF's
own frames from errors raised by eager/tf.function code. In a TF1 graph program neither changes
anything (sessions log placements through ``ConfigProto.log_device_placement``), and tfcompat
runs graphs only: the switches are stored and read back as TF does, and have no other effect.
"""

from __future__ import annotations

_log_device_placement = False
_traceback_filtering = True


def set_log_device_placement(enabled: bool) -> None:
    """Turns logging of eager ops' device placement on or off (no effect on graphs)."""
    global _log_device_placement
    _log_device_placement = bool(enabled)


def get_log_device_placement() -> bool:
    """Whether ``set_log_device_placement(True)`` is in effect."""
    return _log_device_placement


def enable_traceback_filtering() -> None:
    """Turns on the filtering of TF-internal frames from eager tracebacks (the default)."""
    global _traceback_filtering
    _traceback_filtering = True


def disable_traceback_filtering() -> None:
    """Turns off the filtering of TF-internal frames from eager tracebacks."""
    global _traceback_filtering
    _traceback_filtering = False


def is_traceback_filtering_enabled() -> bool:
    """Whether traceback filtering is on (True until ``disable_traceback_filtering``)."""
    return _traceback_filtering
