"""Gradient kernels' masks. Branch-free ``np.where(condition, values, 0)`` for kernels that
select (MaxPoolGrad routes each window's gradient to one input; TF zero-fills the rest, so a NaN
or -0.0 gradient left out becomes +0.0), and the multiply by a mask ReluGrad uses instead.

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


def multiply_by_mask(gradients: np.ndarray, mask: np.ndarray,
                     out: np.ndarray | None = None) -> np.ndarray:
    """``gradients * mask`` in the gradients' dtype (ReluGrad's formula: a NaN or inf gradient
    masked out gives NaN, a negative one -0.0). For floats the mask is made 1.0/0.0 first: the
    same products, in a float-by-float multiply instead of one casting each bool in its loop
    (~20% faster on a conv layer's activations). ``out`` (of the result's shape and dtype; it
    may be ``gradients`` itself) receives the products: the factors are made there, or, when it
    is ``gradients``, the bools are cast in the multiply's loop (no buffer of factors; measured
    on a conv layer's activations, 0.9x the time of factors in a new buffer)."""
    if gradients.dtype in _FLOAT_MASK_DTYPES and mask.shape == gradients.shape:
        if out is None:
            factors = np.asarray(mask).astype(gradients.dtype)
            return np.multiply(gradients, factors, out=factors)
        if out is not gradients:
            np.copyto(out, mask)
            return np.multiply(gradients, out, out=out)
    return np.multiply(gradients, mask, dtype=gradients.dtype, out=out)


_FLOAT_MASK_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))
