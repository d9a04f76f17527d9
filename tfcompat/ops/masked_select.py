"""Branch-free ``np.where(condition, values, 0)`` for gradient kernels that select (MaxPoolGrad
routes each window's gradient to one input; TF zero-fills the rest, so a NaN or -0.0 gradient
left out becomes +0.0 — unlike ReluGrad, which TF computes as a multiply by the mask).

numpy's ``where`` branches per element, so on data-dependent masks (which window position holds
the maximum) it runs ~15x slower than a ufunc pass. Selecting against zero is the same as AND-ing
each value's bits with an all-ones/all-zeros word made from the condition: the result is
bit-identical to ``where`` (a dropped NaN or -0.0 becomes +0.0; a kept value keeps every bit).
"""

from __future__ import annotations

import numpy as np

_SAME_WIDTH_INT = {1: np.int8, 2: np.int16, 4: np.int32, 8: np.int64}


def where_or_zero(condition: np.ndarray, values: np.ndarray,
                  out: np.ndarray | None = None) -> np.ndarray:
    """``np.where(condition, values, 0)`` with ``values``' dtype, for a boolean ``condition`` of
    ``values``' shape; writes into ``out`` (contiguous, of ``values``' dtype) when given."""
    values = np.asarray(values)
    word = _SAME_WIDTH_INT.get(values.dtype.itemsize)
    if (word is None or values.dtype.kind not in "fiub" or condition.shape != values.shape
            or condition.dtype != np.bool_):
        result = np.where(condition, values, np.zeros((), values.dtype))
        if out is None:
            return result
        out[...] = result
        return out
    bits = (values if values.flags.c_contiguous else values.copy()).view(word)
    if out is None:
        out = np.empty(values.shape, values.dtype)
    mask = out.view(word)
    np.negative(condition, out=mask, dtype=word, casting="unsafe")  # True -> all ones
    np.bitwise_and(mask, bits, out=mask)
    return out
