"""``tf.compat.forward_compatible`` and ``forward_compatibility_horizon``.

TF 2.21 ships with the forward-compatibility horizon 2026-01-16: ``forward_compatible(y, m, d)``
is True when that horizon lies strictly after the date, i.e. when graphs built now may use
features added on that date (TF's rule: consumers are at most three weeks older). The
environment variable ``TF_FORWARD_COMPATIBILITY_DELTA_DAYS`` moves the horizon, as in TF.
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterator

from tfcompat.platform import tf_logging

_HORIZON = datetime.date(2026, 1, 16)
_DELTA_DAYS_VAR = "TF_FORWARD_COMPATIBILITY_DELTA_DAYS"


def _date_number(year: int, month: int, day: int) -> int:
    # TF compares dates packed as year<<9 | month<<5 | day (no calendar validation).
    return (year << 9) | (month << 5) | day


def _horizon_number(override: datetime.date | None = None) -> int:
    date = override if override is not None else _HORIZON
    delta_days = os.getenv(_DELTA_DAYS_VAR)
    if delta_days:
        date += datetime.timedelta(days=int(delta_days))
    if date < _HORIZON:
        tf_logging.warning("Trying to set the forward compatibility date to the past date %s. "
                           "This will be ignored by TensorFlow.", date)
        return _current_number
    return _date_number(date.year, date.month, date.day)


_current_number = _date_number(_HORIZON.year, _HORIZON.month, _HORIZON.day)
_current_number = _horizon_number()


def forward_compatible(year: int, month: int, day: int) -> bool:
    """True when the forward-compatibility horizon is after ``year-month-day``."""
    return _current_number > _date_number(year, month, day)


@contextlib.contextmanager
def forward_compatibility_horizon(year: int, month: int, day: int) -> Iterator[None]:
    """Within the block, the horizon is ``datetime.date(year, month, day)`` (for tests)."""
    global _current_number
    saved = _current_number
    _current_number = _horizon_number(datetime.date(year, month, day))
    try:
        yield
    finally:
        _current_number = saved
