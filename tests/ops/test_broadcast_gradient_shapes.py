"""Gradients of broadcasting binary ops have their input's run-time shape and sum over the axes
it was broadcast along, whatever the static shapes know (fully, partly, or not at all)."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tfcompat as tf

_OPS = {"add": (tf.add, lambda x, y: (np.ones_like(x * y), np.ones_like(x * y))),
        "sub": (tf.subtract, lambda x, y: (np.ones_like(x * y), -np.ones_like(x * y))),
        "mul": (tf.multiply, lambda x, y: (y + 0 * x, x + 0 * y)),
        "div": (tf.math.truediv, lambda x, y: (1 / y + 0 * x, -x / (y * y)))}


@st.composite
def _broadcast_pairs(draw):
    rank = draw(st.integers(0, 3))
    out = [draw(st.integers(1, 3)) for _ in range(rank)]
    shapes = []
    for _ in range(2):
        drop = draw(st.integers(0, rank))
        shapes.append(tuple(1 if draw(st.booleans()) else d for d in out[drop:]))
    # what the graph knows of each: everything, unknown dimensions, or not even the rank
    known = [draw(st.sampled_from(["all", "dims", "rank"])) for _ in range(2)]
    return shapes, known, draw(st.sampled_from(sorted(_OPS)))


def _static(shape, known):
    if known == "rank":
        return None
    return [None if known == "dims" and i % 2 == 0 else d for i, d in enumerate(shape)]


@settings(max_examples=60, deadline=None)
@given(_broadcast_pairs())
@example((((1, 3), (2, 3)), ("dims", "dims"), "mul"))  # equal partial static shapes
def test_gradients_sum_to_each_input_shape(case):
    (sx, sy), (kx, ky), name = case
    fn, partials = _OPS[name]
    rng = np.random.RandomState(0)
    xs = np.asarray(rng.rand(*sx) + 0.5, np.float64)
    ys = np.asarray(rng.rand(*sy) + 0.5, np.float64)
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, _static(sx, kx))
        y = tf.placeholder(tf.float64, _static(sy, ky))
        gx, gy = tf.gradients(fn(x, y), [x, y])
        with tf.Session() as sess:
            got_x, got_y = sess.run([gx, gy], {x: xs, y: ys})
    want_x, want_y = partials(xs, ys)
    for got, want, shape in ((got_x, want_x, sx), (got_y, want_y, sy)):
        lead = np.ndim(want) - len(shape)
        axes = tuple(range(lead)) + tuple(lead + i for i, d in enumerate(shape)
                                          if d == 1 and np.shape(want)[lead + i] != 1)
        expected = np.sum(want, axis=axes).reshape(shape)
        assert np.shape(got) == shape
        np.testing.assert_allclose(got, expected, rtol=1e-12)
