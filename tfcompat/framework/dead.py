"""DEAD: the value of a tensor on the untaken side of a control-flow Switch.

Run plans skip any op with a DEAD input (its outputs are DEAD too) unless its op type
``takes_dead`` (Merge forwards its live input; a stack push stores DEAD for the gradient loop).
"""

from __future__ import annotations


class _Dead:
    __slots__ = ()

    def __repr__(self) -> str:
        return "DEAD"


DEAD = _Dead()
