"""Fake quantization (tfcompat/ops/fake_quant_ops.py): properties of the quantization grid and
of the straight-through gradients (TF's recorded values: conformance/cases/quant)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


def _run(*fetches):
    with tf.Session() as sess:
        return sess.run(list(fetches))


@settings(max_examples=40, deadline=None)
@given(low=st.floats(-10, 0.5), width=st.floats(0.1, 20), num_bits=st.integers(2, 16),
       narrow=st.booleans(), seed=st.integers(0, 1000))
def test_outputs_lie_on_a_grid_containing_zero_and_are_idempotent(low, width, num_bits, narrow,
                                                                  seed):
    x = np.random.RandomState(seed).uniform(low - 2, low + width + 2, 50).astype(np.float32)
    with tf.Graph().as_default():
        once = tf.fake_quant_with_min_max_args(x, min=low, max=low + width, num_bits=num_bits,
                                               narrow_range=narrow)
        twice = tf.fake_quant_with_min_max_args(once, min=low, max=low + width,
                                                num_bits=num_bits, narrow_range=narrow)
        grad = tf.gradients(once, once.op.inputs[0])[0]
        y, z, g = _run(once, twice, grad)
    levels = (1 << num_bits) - 1 - int(narrow)
    # The grid step as the kernel has it: from the float32 min/max attrs (their difference
    # carries float32 cancellation error, which matters on fine grids far from zero).
    scale = (np.float32(low + width) - np.float32(low)) / np.float32(levels)
    steps = y / scale
    # Multiples of the scale, up to float32 rounding of y itself.
    rounding = 4 * np.finfo(np.float32).eps * np.abs(steps).max()
    np.testing.assert_allclose(steps, np.round(steps), atol=2e-2 + rounding)
    assert y.max() - y.min() <= width * (1 + 1e-5) + scale
    np.testing.assert_allclose(z, y, atol=1e-6 * max(1.0, abs(low) + width))
    # Straight-through: the gradient passes exactly where the input was not clamped.
    inside = (x >= y.min() - scale / 2) & (x <= y.max() + scale / 2)
    assert np.all(g[~inside] == 0) and np.all(g[(x > y.min()) & (x < y.max())] == 1)


def test_vars_gradients_sum_the_clamped_side_into_min_and_max():
    x = np.array([-5., -4., -1., 0., 2., 6., 7.], np.float32)
    dy = np.arange(1., 8., dtype=np.float32)
    with tf.Graph().as_default():
        lo, hi = tf.constant(-3.0), tf.constant(4.0)
        xt = tf.constant(x)
        out = tf.fake_quant_with_min_max_vars(xt, lo, hi)
        gx, glo, ghi = tf.gradients(out, [xt, lo, hi], grad_ys=dy)
        values = _run(gx, glo, ghi)
    np.testing.assert_array_equal(values[0], [0, 0, 3, 4, 5, 0, 0])
    assert values[1] == 1 + 2 and values[2] == 6 + 7


def test_per_channel_matches_the_scalar_op_on_each_channel():
    rng = np.random.RandomState(0)
    x = rng.uniform(-3, 3, (5, 4)).astype(np.float32)
    lows, highs = [-1., -2., 0., -0.3], [1., 2., 0.5, 2.7]
    with tf.Graph().as_default():
        per_channel = tf.fake_quant_with_min_max_vars_per_channel(x, lows, highs, num_bits=6)
        columns = [tf.fake_quant_with_min_max_vars(x[:, c], lows[c], highs[c], num_bits=6)
                   for c in range(4)]
        got, *expected = _run(per_channel, *columns)
    np.testing.assert_array_equal(got, np.stack(expected, axis=1))
