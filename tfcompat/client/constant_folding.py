"""Constant folding at plan compile time: an op whose inputs are all constants runs once.

As TF's grappler constant folding does, a side-effect-free op (``plan_prune.side_effect_free``)
whose every input is a constant of the plan (a Const, or an op folded before it) is computed
when the plan is compiled and its outputs become constants of the plan: the shape arithmetic
of gradients (``Range``, ``FloorMod``, ``Fill``... on constants) costs nothing per step. Values
are the kernel's own, so results are identical; kernels never modify their inputs, and plans
never hand out a constant without a copy (fetches copy), so sharing one across runs and
threads is safe. An op that fails is left to fail at run time, where TF reports it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

# Outputs larger than this stay steps, as grappler leaves large constants unfolded (10 MB).
MAX_FOLDED_BYTES = 10 * 1024 * 1024


def fold(kernel: Callable, args: Sequence[object], n_outputs: int) -> tuple | None:
    """The outputs of ``kernel(*args)``, or None when they cannot become plan constants.

    None when the kernel fails (the run reports it), returns something other than numpy
    values, or its outputs exceed MAX_FOLDED_BYTES.
    """
    try:
        with np.errstate(all="ignore"):
            result = kernel(*args)
    except Exception:  # noqa: BLE001 - any failure is the run's to report
        return None
    values = (result,) if n_outputs == 1 else tuple(result)
    if len(values) != n_outputs:
        return None
    size = 0
    for value in values:
        if not isinstance(value, (np.ndarray, np.generic)):
            return None
        size += value.nbytes
    return values if size <= MAX_FOLDED_BYTES else None
