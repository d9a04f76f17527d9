# ruff: noqa: F401, F403
"""Slicing, gathering, padding, splitting and scanning ops: the array family's namespace under
its historical name (see ``tfcompat/ops/array_ops.py`` for where each op lives)."""

from tfcompat.ops.array_ops import *
