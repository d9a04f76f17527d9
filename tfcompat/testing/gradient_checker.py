"""Numerical gradient checking: TF's ``tf.test.compute_gradient`` / ``compute_gradient_error``,
and ``directional_derivative``, the cheap check tfcompat's own tests use.

``compute_gradient``: the theoretical Jacobian comes from ``tf.gradients`` (one backward pass
per element of y, fed as a one-hot ``grad_ys``); the numerical one from central differences,
feeding x perturbed by ±delta. Both run in the default session, as TF's checker does.

``directional_derivative``: one backward pass under a random ``grad_ys`` w and one random
direction u per x, compared with the central difference of <w, y> along u; its analytic side is
a tensor, so the same check applied to it tests second derivatives.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.default_session import get_default_session
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, constant_op, gradients_impl, math_ops


def _session():
    session = get_default_session()
    if session is None:
        raise ValueError("compute_gradient needs a default session: run it inside "
                         "`with tf.Session():` or `with sess.as_default():`")
    return session


def _real_dtype(dtype: dtypes.DType):
    return np.float64 if dtype.base_dtype in (dtypes.float64, dtypes.complex128) else np.float32


def _theoretical_jacobian(x, x_shape, x_value, dy, dy_size, dx, extra_feed_dict):
    x_size = int(np.prod(x_shape, dtype=np.int64))
    jacobian = np.zeros((x_size, dy_size), dtype=_real_dtype(x.dtype))
    dy_value = np.zeros(dy.shape.as_list() if dy.shape.is_fully_defined() else [dy_size],
                        dtype=dy.dtype.as_numpy_dtype)
    flat_dy = dy_value.reshape(-1)
    session = _session()
    for col in range(dy_size):
        flat_dy[col] = 1
        feed = dict(extra_feed_dict or {})
        feed[x] = x_value
        feed[dy] = dy_value
        backprop = session.run(dx, feed_dict=feed)
        if backprop is not None:
            jacobian[:, col] = np.asarray(backprop).reshape(x_size)
        flat_dy[col] = 0
    return jacobian


def _numerical_jacobian(x, x_shape, x_value, y, y_size, delta, extra_feed_dict):
    x_size = int(np.prod(x_shape, dtype=np.int64))
    np_dtype = _real_dtype(x.dtype)
    jacobian = np.zeros((x_size, y_size), dtype=np_dtype)
    session = _session()
    x_flat = np.array(x_value, dtype=x.dtype.as_numpy_dtype).reshape(-1)
    for row in range(x_size):
        original = x_flat[row]
        values = []
        for step in (delta, -delta):
            x_flat[row] = original + step
            feed = dict(extra_feed_dict or {})
            feed[x] = x_flat.reshape(x_shape)
            values.append(np.asarray(session.run(y, feed_dict=feed), dtype=np_dtype))
        x_flat[row] = original
        jacobian[row, :] = ((values[0] - values[1]) / (2 * delta)).reshape(-1)
    return jacobian


def compute_gradient(x, x_shape, y, y_shape, x_init_value=None, delta=1e-3, init_targets=None,
                     extra_feed_dict=None):
    """Theoretical and numerical Jacobians of y w.r.t. x (each shaped [x_size, y_size]).

    ``x`` may be a list of tensors (with a list of shapes): then a list of pairs is returned.
    """
    if isinstance(x, (list, tuple)):
        init_values = x_init_value or [None] * len(x)
        return [compute_gradient(xi, si, y, y_shape, vi, delta, init_targets, extra_feed_dict)
                for xi, si, vi in zip(x, x_shape, init_values)]
    if init_targets is not None:
        _session().run(init_targets)
    x_shape = tuple(x_shape)
    y_shape = tuple(y_shape)
    if x_init_value is None:
        x_init_value = np.random.random_sample(x_shape).astype(x.dtype.as_numpy_dtype)
    else:
        x_init_value = np.asarray(x_init_value, dtype=x.dtype.as_numpy_dtype)
        if x_init_value.shape != x_shape:
            raise ValueError(f"x_init_value has shape {x_init_value.shape}, expected {x_shape}")
    y_size = int(np.prod(y_shape, dtype=np.int64))
    dy = array_ops.placeholder(y.dtype.base_dtype, shape=y_shape, name="gradient_checker_dy")
    dx = gradients_impl.gradients(y, x, dy)[0]
    if dx is not None:
        dx = ops.convert_to_tensor(dx)  # e.g. IndexedSlices from a gather or to_tensor
    theoretical = _theoretical_jacobian(x, x_shape, x_init_value, dy, y_size, dx,
                                        extra_feed_dict)
    numerical = _numerical_jacobian(x, x_shape, x_init_value, y, y_size, delta, extra_feed_dict)
    return theoretical, numerical


def compute_gradient_error(x, x_shape, y, y_shape, x_init_value=None, delta=1e-3,
                           init_targets=None, extra_feed_dict=None) -> float:
    """The maximum absolute difference between the theoretical and numerical Jacobians."""
    result = compute_gradient(x, x_shape, y, y_shape, x_init_value, delta, init_targets,
                              extra_feed_dict)
    pairs = result if isinstance(result, list) else [result]
    error = 0.0
    for theoretical, numerical in pairs:
        if theoretical.size or numerical.size:
            error = max(error, float(np.fabs(theoretical - numerical).max()))
    return error


class DirectionalDerivative(NamedTuple):
    """d/dt <w, y(x + t u)> at t=0, numerically and from ``tf.gradients``."""

    numerical: float
    analytic: float
    # sum over xs of <tf.gradients(y, x, grad_ys=w), u>: a scalar tensor (None when no x
    # reaches y), differentiable again for a second-order check.
    analytic_tensor: Tensor | None


def directional_derivative(y, xs, feed_dict: dict, rng: np.random.RandomState,
                           delta: float = 1e-6, session=None) -> DirectionalDerivative:
    """Checks ``tf.gradients(y, xs)`` along one random direction (use float64 tensors).

    ``feed_dict`` must feed every x; ``w`` (the ``grad_ys``) and the directions ``u`` are drawn
    from ``rng``. Runs in ``session`` or the default session.
    """
    session = session or _session()
    y = ops.convert_to_tensor(y)  # e.g. a gather gradient's IndexedSlices
    xs = list(xs) if isinstance(xs, (list, tuple)) else [xs]
    w = rng.standard_normal(np.shape(session.run(y, feed_dict)))
    grads = gradients_impl.gradients(y, xs, grad_ys=constant_op.constant(w, y.dtype))
    directions = [rng.standard_normal(np.shape(feed_dict[x])) for x in xs]
    terms = [math_ops.reduce_sum(ops.convert_to_tensor(g) * u)
             for g, u in zip(grads, directions) if g is not None]
    analytic_tensor = math_ops.add_n(terms) if terms else None

    def weighted_y_at(step: float) -> float:
        moved = dict(feed_dict)
        for x, u in zip(xs, directions):
            moved[x] = feed_dict[x] + step * u
        return float(np.sum(session.run(y, moved) * w))

    numerical = (weighted_y_at(delta) - weighted_y_at(-delta)) / (2 * delta)
    analytic = 0.0 if analytic_tensor is None else float(session.run(analytic_tensor, feed_dict))
    return DirectionalDerivative(numerical, analytic, analytic_tensor)
