"""The SessionRunHook protocol of ``MonitoredSession`` (``tf.train.SessionRunHook`` and the
args/context/values objects passed to its methods)."""

from __future__ import annotations

import collections


class SessionRunHook:
    """Hook to extend calls to ``MonitoredSession.run()``.

    Called in this order: ``begin()`` before the graph is finalized, ``after_create_session``
    once a session exists (and after each recovery), then around every run ``before_run``
    (which may return ``SessionRunArgs`` to add fetches/feeds) and ``after_run`` (given the
    results of those fetches), and ``end`` when the session closes without an error.
    """

    def begin(self):
        pass

    def after_create_session(self, session, coord):
        pass

    def before_run(self, run_context):
        return None

    def after_run(self, run_context, run_values):
        pass

    def end(self, session):
        pass


class SessionRunArgs(collections.namedtuple("SessionRunArgs",
                                            ["fetches", "feed_dict", "options"])):
    """What a hook adds to a ``Session.run()`` call: fetches, a feed dict, RunOptions."""

    def __new__(cls, fetches, feed_dict=None, options=None):
        return super().__new__(cls, fetches, feed_dict, options)


class SessionRunContext:
    """The ``run()`` call being made and a way for hooks to ask the loop to stop."""

    def __init__(self, original_args, session):
        self._original_args = original_args
        self._session = session
        self._stop_requested = False

    @property
    def original_args(self):
        """The ``SessionRunArgs`` of the caller's ``run()``."""
        return self._original_args

    @property
    def session(self):
        """The raw ``tf.Session`` (running it bypasses the hooks)."""
        return self._session

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    def request_stop(self) -> None:
        """Makes ``should_stop()`` true after this run."""
        self._stop_requested = True


class SessionRunValues(collections.namedtuple("SessionRunValues",
                                              ["results", "options", "run_metadata"])):
    """The results of a hook's ``SessionRunArgs.fetches``, with the run's options/metadata."""
