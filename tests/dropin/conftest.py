"""Drop-in tests run TF1 code as TF1 runs it, so they manage graphs the way TF1 code does."""

import pytest


@pytest.fixture(autouse=True)
def fresh_graph():
    """Overrides the suite's fixture: no graph is entered around a test here.

    ``tf.test.TestCase.setUp`` resets the default graph itself, which TF forbids while another
    graph is entered; the session stack is still left clean.
    """
    from tfcompat.framework import default_session as session_lib

    stack = session_lib._default_session_stack.stack
    del stack[:]
    yield
    del stack[:]
