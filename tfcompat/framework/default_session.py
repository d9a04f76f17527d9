"""The default-session stack (``tf.get_default_session``, ``sess.as_default()``).

It lives in framework, below the client, because ``Tensor.eval()``, ``Operation.run()`` and
``Variable.load()`` run in the default session without knowing the Session class.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any


class _DefaultSessionStack(threading.local):
    def __init__(self):
        super().__init__()
        self.stack: list[Any] = []


_default_session_stack = _DefaultSessionStack()


def get_default_session():
    """The innermost session made default by ``with sess.as_default()`` (or None)."""
    stack = _default_session_stack.stack
    return stack[-1] if stack else None


@contextlib.contextmanager
def session_as_default(session) -> Iterator[Any]:
    """Makes ``session`` the default session of this thread inside the ``with`` block."""
    _default_session_stack.stack.append(session)
    try:
        yield session
    finally:
        stack = _default_session_stack.stack
        if stack and stack[-1] is session:
            stack.pop()


def run_in_default_session(element, feed_dict, graph, session, method: str):
    """``Tensor.eval()``, ``Operation.run()``: runs ``element`` in ``session`` or the default."""
    if session is None:
        session = get_default_session()
        if session is None:
            if method == "eval()":
                raise ValueError(
                    "Cannot evaluate tensor using `eval()`: No default session is registered. "
                    "Use `with sess.as_default()` or pass an explicit session to "
                    "`eval(session=sess)`")
            raise ValueError(
                "Cannot execute operation using `run()`: No default session is registered. "
                "Use `with sess.as_default():` or pass an explicit session to "
                "`run(session=sess)`")
        if session.graph is not graph:
            if method == "eval()":
                raise ValueError("Cannot use the default session to evaluate tensor: the "
                                 "tensor's graph is different from the session's graph. Pass an "
                                 "explicit session to `eval(session=sess)`.")
            raise ValueError("Cannot use the default session to execute operation: the "
                             "operation's graph is different from the session's graph. Pass an "
                             "explicit session to run(session=sess).")
    elif session.graph is not graph:
        raise ValueError("Cannot use the given session to evaluate tensor: the tensor's graph is "
                         "different from the session's graph.")
    return session.run(element, feed_dict)
