"""The run-scoped memo (framework/run_memo): entries live for one run on one thread, hit only for
the same array object with the same bytes, and stay within their byte budget; Conv2D's filter
gradient in the same run gets Conv2D's patches and computes the same bits as without them."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.framework import run_memo
from tfcompat.ops.conv import conv2d as conv_module


@pytest.fixture
def memo():
    previous = run_memo.open_run()
    yield
    run_memo.close_run(previous)


def test_outside_a_run_nothing_is_kept():
    x = np.ones(3)
    run_memo.store("k", x, None, np.zeros(2))
    assert run_memo.lookup("k", x, None) is None


def test_same_object_same_bytes_hits(memo):
    x, value = np.arange(6.0), np.zeros(4)
    run_memo.store("k", x, 1, value)
    assert run_memo.lookup("k", x, 1) is value
    assert run_memo.lookup("k", x, 2) is None  # other geometry
    assert run_memo.lookup("other", x, 1) is None
    assert run_memo.lookup("k", x.copy(), 1) is None  # equal content, other array
    assert run_memo.lookup("k", x, 1, pop=True) is value
    assert run_memo.lookup("k", x, 1) is None  # popped


@pytest.mark.parametrize("change", [7.0, -0.0, np.nan])
def test_an_array_changed_in_place_misses(memo, change):
    x = np.zeros(5)
    x[4] = np.nan
    run_memo.store("k", x, None, np.ones(2))
    assert run_memo.lookup("k", x, None) is not None  # NaN bytes equal themselves
    x[0] = change
    assert run_memo.lookup("k", x, None) is None


def test_non_contiguous_arrays_are_not_stored(memo):
    x = np.zeros((4, 4))[:, ::2]
    run_memo.store("k", x, None, np.ones(2))
    assert run_memo.lookup("k", x, None) is None


def test_byte_budget_drops_the_oldest(memo, monkeypatch):
    monkeypatch.setattr(run_memo, "MEMO_BYTES", 1300)
    arrays = [np.full(10, float(i)) for i in range(4)]  # 2 x 80 bytes each + 240-byte values
    for a in arrays:
        run_memo.store("k", a, None, np.zeros(30))
    assert run_memo.lookup("k", arrays[0], None) is None
    assert all(run_memo.lookup("k", a, None) is not None for a in arrays[1:])
    big = np.zeros(200)
    run_memo.store("k", big, None, np.zeros(1))  # 3208 bytes: never stored
    assert run_memo.lookup("k", big, None) is None
    assert run_memo.lookup("k", arrays[3], None) is not None


def test_nested_runs_and_threads_are_separate(memo):
    x = np.ones(3)
    run_memo.store("k", x, None, np.zeros(1))
    inner = run_memo.open_run()
    assert run_memo.lookup("k", x, None) is None
    run_memo.close_run(inner)
    assert run_memo.lookup("k", x, None) is not None
    seen = []
    thread = threading.Thread(target=lambda: seen.append(run_memo.lookup("k", x, None)))
    thread.start()
    thread.join()
    assert seen == [None]


@pytest.mark.parametrize("channels", [1, 5])
@pytest.mark.parametrize("strides,padding", [([1, 1, 1, 1], "SAME"), ([1, 2, 3, 1], "VALID")])
def test_conv_step_shares_patches_with_the_same_bits(monkeypatch, channels, strides, padding):
    built = []
    original = conv_module._im2col
    monkeypatch.setattr(conv_module, "_im2col", lambda *a: built.append(1) or original(*a))
    rng = np.random.RandomState(channels)
    xs = rng.randn(3, 9, 8, channels).astype(np.float32)
    ws = rng.randn(3, 2, channels, 4).astype(np.float32)
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, xs.shape)
        y = tf.nn.conv2d(x, tf.constant(ws), strides, padding)
        dys = rng.randn(*y.shape.as_list()).astype(np.float32)
        grad_w = tf.gradients(y, y.op.inputs[1], tf.constant(dys))[0]
        with tf.Session() as sess:
            y_v, grad_v = sess.run([y, grad_w], {x: xs})
    assert len(built) == 1  # one im2col for the two kernels
    attrs = {"strides": strides, "padding": padding, "explicit_paddings": [],
             "dilations": [1, 1, 1, 1], "data_format": "NHWC"}
    alone_y = conv_module._conv2d_kernel(xs, ws, **attrs)  # outside a run: no memo
    alone_grad = conv_module._conv2d_backprop_filter_kernel(xs, ws.shape, dys, **attrs)
    assert y_v.tobytes() == alone_y.tobytes()
    assert grad_v.tobytes() == alone_grad.tobytes()


def test_conv_in_a_while_loop_matches_unrolled():
    rng = np.random.RandomState(3)
    xs = rng.randn(2, 5, 5, 2).astype(np.float32)
    ws = rng.randn(3, 3, 2, 2).astype(np.float32) * 0.3
    with tf.Graph().as_default():
        w = tf.constant(ws)

        def body(i, h):
            return i + 1, tf.nn.conv2d(h, w, [1, 1, 1, 1], "SAME")

        x = tf.constant(xs)
        _, looped = tf.while_loop(lambda i, h: i < 3, body, [tf.constant(0), x])
        unrolled = x
        for _ in range(3):
            unrolled = tf.nn.conv2d(unrolled, w, [1, 1, 1, 1], "SAME")
        grads = tf.gradients(tf.reduce_sum(looped * looped), w)[0]
        grads_unrolled = tf.gradients(tf.reduce_sum(unrolled * unrolled), w)[0]
        with tf.Session() as sess:
            a, b, ga, gb = sess.run([looped, unrolled, grads, grads_unrolled])
    assert a.tobytes() == b.tobytes()
    np.testing.assert_allclose(ga, gb, rtol=1e-5)
