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
