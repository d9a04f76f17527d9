"""Every test starts on a fresh global default graph, with no default session left behind."""

import pytest


@pytest.fixture(autouse=True)
def fresh_graph():
    import tfcompat
    from tfcompat.framework import default_session as session_lib

    del session_lib._default_session_stack.stack[:]
    tfcompat.reset_default_graph()
    yield tfcompat.get_default_graph()
    del session_lib._default_session_stack.stack[:]
