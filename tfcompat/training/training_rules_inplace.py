"""The dense optimizer update rules of ``training_ops``, computed in buffers they allocate.

Each function here does the float operations of its counterpart in ``training_ops``
(``_gradient_descent``, ``_momentum``, ``_adam``, ``_adagrad``, ``_rmsprop``) in the same order
with the same operands on the same sides, so the values are bit for bit the same (NaN payloads
included); it only writes each intermediate into a buffer an earlier step of the same call
allocated instead of a new array per operation: Adam allocates 4 arrays instead of 12, and the
buffers it rewrites are still in cache (Adam on [160, 512] float32: ~148 -> ~125 us).

They never write into their arguments (the variable, its slots and the gradient may be arrays
other ops or concurrent runs still read). ``fits_inplace`` says when a call may use them:
floating-point values of one shape and dtype, C-contiguous, of rank 1 or more (ufuncs give
0-d inputs numpy scalars, which take no ``out=``), and scalar hyperparameters of that dtype;
anything else keeps the plain formulas.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_FLOATS = frozenset(np.dtype(t) for t in (np.float16, np.float32, np.float64))


def fits_inplace(current: Sequence, plain: Sequence, grad_index: int) -> bool:
    """Whether the variable and slots ``current`` and the plain inputs ``plain`` (the gradient
    at ``grad_index``, the rest hyperparameters) suit the in-place rules."""
    var = current[0]
    if type(var) is not np.ndarray or var.dtype not in _FLOATS or not var.ndim:
        return False
    if var.size == 1:
        # numpy runs ``add(x, y, out=x)`` on one element as a reduction into ``x``, which swaps
        # the operands: with two NaNs the result carries ``y``'s payload where ``x + y`` carries
        # ``x``'s (RMSProp's ``mom * momentum + step``, seed 11265 in the tests).
        return False
    # (Dtypes compared by identity: numpy's builtin dtypes are singletons, and an equal dtype
    # that is another object only sends the call to the plain formulas.)
    dtype, shape = var.dtype, var.shape
    grad = plain[grad_index]
    for value in (*current, grad):
        if (type(value) is not np.ndarray or value.dtype is not dtype or value.shape != shape
                or not value.flags.c_contiguous):
            return False
    for value in plain:
        if value is not grad and (getattr(value, "dtype", None) is not dtype
                                  or getattr(value, "ndim", 1)):
            return False
    return True


def gradient_descent(var, alpha, delta):
    """``var - alpha * delta``."""
    step = np.multiply(alpha, delta)
    return (np.subtract(var, step, out=step),)


def momentum(var, accum, lr, grad, momentum, use_nesterov):
    """``accum * momentum + grad``, then ``var - lr * accum`` (Nesterov: ``var - (grad * lr +
    accum * momentum * lr)``)."""
    new_accum = np.multiply(accum, momentum)
    np.add(new_accum, grad, out=new_accum)
    if use_nesterov:
        step = np.multiply(grad, lr)
        ahead = np.multiply(new_accum, momentum)
        np.multiply(ahead, lr, out=ahead)
        np.add(step, ahead, out=step)
    else:
        step = np.multiply(lr, new_accum)
    return np.subtract(var, step, out=step), new_accum


def adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, use_nesterov):
    """``m + (grad - m) * (1 - beta1)``, ``v + (grad * grad - v) * (1 - beta2)``, then
    ``var - m * lr_t / (sqrt(v) + epsilon)`` (Nesterov: ``(m * beta1 + (1 - beta1) * grad)``
    in place of ``m``)."""
    lr_t = lr * np.sqrt(1 - beta2_power) / (1 - beta1_power)
    new_m = np.subtract(grad, m)
    np.multiply(new_m, 1 - beta1, out=new_m)
    np.add(m, new_m, out=new_m)
    new_v = np.multiply(grad, grad)
    np.subtract(new_v, v, out=new_v)
    np.multiply(new_v, 1 - beta2, out=new_v)
    np.add(v, new_v, out=new_v)
    denominator = np.sqrt(new_v)
    np.add(denominator, epsilon, out=denominator)
    if use_nesterov:
        step = np.multiply(new_m, beta1)
        np.add(step, np.multiply(1 - beta1, grad), out=step)
        np.multiply(step, lr_t, out=step)
    else:
        step = np.multiply(new_m, lr_t)
    np.divide(step, denominator, out=step)
    return np.subtract(var, step, out=step), new_m, new_v


def adagrad(var, accum, lr, grad, update_slots):
    """``accum + grad * grad`` (when ``update_slots``), then ``var - lr * grad / sqrt(accum)``."""
    if update_slots:
        squared = np.multiply(grad, grad)
        accum = np.add(accum, squared, out=squared)
    step = np.multiply(lr, grad)
    np.divide(step, np.sqrt(accum), out=step)
    return np.subtract(var, step, out=step), accum


def rmsprop(var, ms, mom, lr, rho, momentum, epsilon, grad):
    """``ms + (grad * grad - ms) * (1 - rho)``, ``mom * momentum + lr * grad / sqrt(ms +
    epsilon)``, then ``var - mom``."""
    new_ms = np.multiply(grad, grad)
    np.subtract(new_ms, ms, out=new_ms)
    np.multiply(new_ms, 1 - rho, out=new_ms)
    np.add(ms, new_ms, out=new_ms)
    root = np.add(new_ms, epsilon)
    np.sqrt(root, out=root)
    step = np.multiply(lr, grad)
    np.divide(step, root, out=step)
    new_mom = np.multiply(mom, momentum, out=root)
    np.add(new_mom, step, out=new_mom)
    return np.subtract(var, new_mom, out=step), new_ms, new_mom
