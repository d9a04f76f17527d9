"""Running one function on several threads at once (tests of concurrent Session.run calls)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable


def run_in_threads(worker: Callable, args: Iterable[tuple]) -> None:
    """Starts ``worker(*a)`` on one thread per tuple ``a`` of ``args``, then joins them all."""
    threads = [threading.Thread(target=worker, args=a) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
