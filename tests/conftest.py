"""Every test runs on a fresh default graph, with no default session left behind."""

import pytest


@pytest.fixture(autouse=True)
def fresh_graph():
    import tfcompat
    from tfcompat.client import session as session_lib

    stack = session_lib._default_session_stack.stack
    del stack[:]
    with tfcompat.Graph().as_default() as graph:
        yield graph
    del stack[:]
