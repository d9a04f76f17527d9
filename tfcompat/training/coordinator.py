"""``tf.train.Coordinator`` and ``tf.train.LooperThread``: stopping a set of threads together.

A Coordinator holds one stop flag shared by the threads of an input pipeline (queue runners,
loopers, user threads). Any thread may request a stop, optionally reporting the exception that
made it stop; ``join`` waits for the threads and re-raises that exception in the main thread.
Exceptions of the "clean stop" types (``OutOfRangeError`` by default: an input pipeline that ran
out of epochs) stop the threads without being reported.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterable

from tfcompat.framework import errors
from tfcompat.platform import tf_logging as logging


class Coordinator:
    """A coordinator for threads (``tf.train.Coordinator``).

    Typical use::

        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess, coord=coord)
        try:
            while not coord.should_stop():
                sess.run(train_op)
        except tf.errors.OutOfRangeError:
            pass
        finally:
            coord.request_stop()
        coord.join(threads)
    """

    def __init__(self, clean_stop_exception_types=None):
        if clean_stop_exception_types is None:
            clean_stop_exception_types = (errors.OutOfRangeError,)
        self._clean_stop_exception_types = tuple(clean_stop_exception_types)
        self._lock = threading.Lock()
        self._stop_event = threading.Event()
        # (type, value, traceback) of the first exception reported with request_stop.
        self._exc_info_to_raise = None
        self._joined = False
        self._registered_threads: set[threading.Thread] = set()

    def _filter_exception(self, ex):
        """None for a clean-stop exception, else ``ex`` unchanged."""
        value = ex[1] if isinstance(ex, tuple) else ex
        if isinstance(value, self._clean_stop_exception_types):
            return None
        return ex

    def request_stop(self, ex=None) -> None:
        """Requests that the threads stop; ``ex`` (an exception or ``sys.exc_info()`` tuple) is
        re-raised by ``join`` unless it is a clean-stop exception.

        After ``join`` returned, reporting an exception raises it at once.
        """
        with self._lock:
            ex = self._filter_exception(ex)
            if self._joined:
                if isinstance(ex, tuple):
                    raise ex[1].with_traceback(ex[2])
                if ex is not None:
                    raise ex
            if self._stop_event.is_set():
                return
            if ex is not None and self._exc_info_to_raise is None:
                if isinstance(ex, tuple):
                    if not isinstance(ex[1], BaseException):
                        raise ValueError(f"ex must be a tuple or sys.exc_info, got: {ex!r}")
                    self._exc_info_to_raise = ex
                else:
                    if not isinstance(ex, BaseException):
                        raise ValueError(f"ex must be a tuple or sys.exc_info, got: {ex!r}")
                    self._exc_info_to_raise = (type(ex), ex, ex.__traceback__)
                logging.info("Error reported to Coordinator: %s",
                             self._exc_info_to_raise[1])
            self._stop_event.set()

    def clear_stop(self) -> None:
        """Clears the stop flag and the reported exception, so threads may be started again."""
        with self._lock:
            self._joined = False
            self._exc_info_to_raise = None
            if self._stop_event.is_set():
                self._stop_event.clear()

    def should_stop(self) -> bool:
        """True once a stop was requested."""
        return self._stop_event.is_set()

    @contextlib.contextmanager
    def stop_on_exception(self):
        """A context manager requesting a stop when its block raises (the exception is kept
        for ``join`` and not propagated)."""
        try:
            yield
        except:  # noqa: E722 - like TF, any exception (even a KeyboardInterrupt) is reported
            self.request_stop(ex=sys.exc_info())

    def wait_for_stop(self, timeout=None) -> bool:
        """Waits until a stop is requested or ``timeout`` seconds passed; True if stopped."""
        return self._stop_event.wait(timeout)

    def register_thread(self, thread: threading.Thread) -> None:
        """Adds a thread that ``join`` waits for even when not passed to it."""
        with self._lock:
            self._registered_threads.add(thread)

    def join(self, threads: Iterable[threading.Thread] | None = None,
             stop_grace_period_secs: float = 120, ignore_live_threads: bool = False) -> None:
        """Waits for the threads to stop after a stop request.

        Waits first for all threads to end or a stop request; after a request the threads get
        ``stop_grace_period_secs`` to end. Re-raises the exception given to ``request_stop``;
        otherwise raises RuntimeError naming threads still alive (unless
        ``ignore_live_threads``).
        """
        with self._lock:
            threads = set(self._registered_threads) | set(threads or ())
        while any(t.is_alive() for t in threads) and not self.wait_for_stop(1.0):
            pass
        waited = 0.0
        poll = 0.001
        while any(t.is_alive() for t in threads) and waited <= stop_grace_period_secs:
            time.sleep(poll)
            waited += poll
            poll = min(2 * poll, 1.0)
        stragglers = [t.name for t in threads if t.is_alive()]
        with self._lock:
            self._joined = True
            self._registered_threads = set()
            if self._exc_info_to_raise:
                _, value, tb = self._exc_info_to_raise
                raise value.with_traceback(tb)
            if stragglers:
                if ignore_live_threads:
                    logging.info("Coordinator stopped with threads still running: %s",
                                 " ".join(stragglers))
                else:
                    raise RuntimeError("Coordinator stopped with threads still running: "
                                       + " ".join(stragglers))

    @property
    def joined(self) -> bool:
        return self._joined

    def raise_requested_exception(self) -> None:
        """Raises the exception given to ``request_stop``, if any."""
        with self._lock:
            if self._exc_info_to_raise:
                _, value, tb = self._exc_info_to_raise
                raise value.with_traceback(tb)


class LooperThread(threading.Thread):
    """A daemon thread calling ``target`` (or ``run_loop``) repeatedly until the coordinator
    stops, every ``timer_interval_secs`` seconds or back to back when that is None."""

    def __init__(self, coord: Coordinator, timer_interval_secs, target=None, args=None,
                 kwargs=None):
        if not isinstance(coord, Coordinator):
            raise ValueError(f"'coord' argument must be a Coordinator: {coord}")
        super().__init__()
        self.daemon = True
        self._coord = coord
        self._timer_interval_secs = timer_interval_secs
        self._target = target
        if self._target:
            self._args = args or ()
            self._kwargs = kwargs or {}
        elif args or kwargs:
            raise ValueError("'args' and 'kwargs' argument require that you also pass 'target'")
        self._coord.register_thread(self)

    @staticmethod
    def loop(coord: Coordinator, timer_interval_secs, target, args=None, kwargs=None):
        """Starts and returns a LooperThread calling ``target(*args, **kwargs)``."""
        looper = LooperThread(coord, timer_interval_secs, target=target, args=args,
                              kwargs=kwargs)
        looper.start()
        return looper

    def run(self) -> None:
        with self._coord.stop_on_exception():
            self.start_loop()
            if self._timer_interval_secs is None:
                while not self._coord.should_stop():
                    self.run_loop()
            else:
                next_timer_time = time.time()
                while not self._coord.wait_for_stop(next_timer_time - time.time()):
                    next_timer_time += self._timer_interval_secs
                    self.run_loop()
            self.stop_loop()

    def start_loop(self) -> None:
        """Called once when the thread starts."""

    def stop_loop(self) -> None:
        """Called once when the thread ends."""

    def run_loop(self) -> None:
        """Called at each iteration: calls ``target`` by default."""
        if self._target:
            self._target(*self._args, **self._kwargs)
