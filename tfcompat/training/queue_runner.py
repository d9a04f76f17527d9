"""``tf.train.QueueRunner``: threads that keep running enqueue ops into one queue.

Each enqueue op gets its own thread, running it in a loop until the queue is closed (its run
raises one of ``queue_closed_exception_types``) or the coordinator asks to stop. The last
enqueue thread to finish closes the queue, so consumers see the end of input as
``OutOfRangeError``; a stop request cancels the queue so blocked enqueues end at once.
"""

from __future__ import annotations

import threading
import weakref

from tfcompat.client.session import get_default_session
from tfcompat.framework import errors
from tfcompat.framework import ops as ops_lib
from tfcompat.platform import tf_logging as logging


class QueueRunner:
    """Holds a list of enqueue ops for one queue, each run in a thread (``tf.train.QueueRunner``).

    Args:
      queue: the queue (a ``tf.QueueBase``).
      enqueue_ops: enqueue ops; one thread runs each.
      close_op: closes the queue when every enqueue thread has ended (default
        ``queue.close()``).
      cancel_op: closes the queue and cancels pending enqueues on a stop request (default
        ``queue.close(cancel_pending_enqueues=True)``).
      queue_closed_exception_types: exceptions that mean the queue was closed and an enqueue
        thread should end quietly (default ``(tf.errors.OutOfRangeError,)``).
    """

    def __init__(self, queue=None, enqueue_ops=None, close_op=None, cancel_op=None,
                 queue_closed_exception_types=None, queue_runner_def=None, import_scope=None):
        if queue_runner_def:
            if queue or enqueue_ops:
                raise ValueError("queue_runner_def and queue are mutually exclusive.")
            raise NotImplementedError("tf.train.QueueRunner(queue_runner_def=...) is not "
                                      "supported by tfcompat yet")
        del import_scope
        if not queue or not enqueue_ops:
            raise ValueError("Must provide queue and enqueue_ops.")
        self._queue = queue
        self._enqueue_ops = list(enqueue_ops)
        self._close_op = close_op if close_op is not None else queue.close()
        self._cancel_op = (cancel_op if cancel_op is not None
                           else queue.close(cancel_pending_enqueues=True))
        if queue_closed_exception_types is None:
            queue_closed_exception_types = (errors.OutOfRangeError,)
        elif (not isinstance(queue_closed_exception_types, tuple)
              or not queue_closed_exception_types
              or not all(isinstance(t, type) and issubclass(t, errors.OpError)
                         for t in queue_closed_exception_types)):
            raise TypeError("queue_closed_exception_types, when provided, must be a tuple of "
                            f"tf.error types, but saw: {queue_closed_exception_types}")
        self._queue_closed_exception_types = queue_closed_exception_types
        self._lock = threading.Lock()
        # Enqueue threads still running, per session (weakly: a closed session may go away).
        self._runs_per_session: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._exceptions_raised: list[BaseException] = []

    @property
    def queue(self):
        return self._queue

    @property
    def enqueue_ops(self) -> list:
        return self._enqueue_ops

    @property
    def close_op(self):
        return self._close_op

    @property
    def cancel_op(self):
        return self._cancel_op

    @property
    def queue_closed_exception_types(self) -> tuple:
        return self._queue_closed_exception_types

    @property
    def exceptions_raised(self) -> list[BaseException]:
        """Exceptions raised by enqueue threads that had no coordinator to report to."""
        return self._exceptions_raised

    @property
    def name(self) -> str:
        """The name of the queue's op."""
        return self._queue.name

    def _run(self, sess, enqueue_op, coord=None) -> None:
        """One enqueue thread: runs ``enqueue_op`` until the queue closes or a stop request."""
        decremented = False
        try:
            enqueue = sess.make_callable(enqueue_op)
            while True:
                if coord and coord.should_stop():
                    break
                try:
                    enqueue()
                except self._queue_closed_exception_types:
                    with self._lock:
                        self._runs_per_session[sess] -= 1
                        decremented = True
                        if self._runs_per_session[sess] == 0:
                            try:
                                sess.run(self._close_op)
                            except Exception as e:  # the session may be closing already
                                logging.vlog(1, "Ignored exception: %s", e)
                    return
        except Exception as e:
            if coord:
                coord.request_stop(e)
            else:
                logging.error("Exception in QueueRunner: %s", e)
                with self._lock:
                    self._exceptions_raised.append(e)
                raise
        finally:
            if not decremented:
                with self._lock:
                    self._runs_per_session[sess] -= 1

    def _close_on_stop(self, sess, cancel_op, coord) -> None:
        """Waits for a stop request, then cancels the queue so blocked enqueues end."""
        coord.wait_for_stop()
        try:
            sess.run(cancel_op)
        except Exception as e:
            logging.vlog(1, "Ignored exception: %s", e)

    def create_threads(self, sess, coord=None, daemon: bool = False,
                       start: bool = False) -> list[threading.Thread]:
        """Creates (and optionally starts) the enqueue threads for ``sess``.

        With a coordinator, one more thread cancels the queue on a stop request, and every
        thread is registered with the coordinator. Returns [] if threads are already running
        for this session.
        """
        with self._lock:
            if self._runs_per_session.get(sess, 0) > 0:
                return []
            self._runs_per_session[sess] = len(self._enqueue_ops)
            self._exceptions_raised = []
        threads = [threading.Thread(target=self._run, args=(sess, op, coord))
                   for op in self._enqueue_ops]
        if coord:
            for thread, op in zip(threads, self._enqueue_ops):
                thread.name = f"QueueRunnerThread-{self.name}-{op.name}"
            threads.append(threading.Thread(target=self._close_on_stop,
                                            args=(sess, self._cancel_op, coord)))
        for thread in threads:
            if coord:
                coord.register_thread(thread)
            if daemon:
                thread.daemon = True
            if start:
                thread.start()
        return threads


def add_queue_runner(qr: QueueRunner, collection: str = ops_lib.GraphKeys.QUEUE_RUNNERS) -> None:
    """Adds a QueueRunner to a graph collection (``tf.train.add_queue_runner``)."""
    ops_lib.get_default_graph().add_to_collection(collection, qr)


def start_queue_runners(sess=None, coord=None, daemon: bool = True, start: bool = True,
                        collection: str = ops_lib.GraphKeys.QUEUE_RUNNERS) -> list:
    """Starts the threads of every QueueRunner in ``collection`` of the session's graph
    (``tf.train.start_queue_runners``); returns the threads."""
    if sess is None:
        sess = get_default_session()
        if not sess:
            raise ValueError("Cannot start queue runners: No default session is registered. "
                             "Use `with sess.as_default()` or pass an explicit session to "
                             "tf.start_queue_runners(sess=sess)")
    if not hasattr(sess, "run") or not hasattr(sess, "graph"):
        raise TypeError(f"sess must be a `tf.Session` object. Given class: {sess.__class__}")
    threads = []
    with sess.graph.as_default():
        for qr in sess.graph.get_collection(collection):
            threads.extend(qr.create_threads(sess, coord=coord, daemon=daemon, start=start))
    return threads
