"""Session.run returns arrays of the caller's own (client/run_results.py): a new result as the
kernel made it, anything something else still holds as a copy, so changing a fetched array never
changes a variable, a constant, a cache or a later run."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tests.threads import run_in_threads
from tfcompat.client import run_results


def test_an_array_only_the_outputs_hold_is_returned_as_is():
    outputs = (np.arange(12.0).reshape(3, 4), np.ones((2, 3)))
    for index in (0, 1):
        assert run_results.as_result(outputs, index) is outputs[index]


def test_arrays_something_else_holds_are_copied():
    cache = np.arange(6.0)
    for value in (cache,                                   # kept elsewhere (this local)
                  cache.reshape(2, 3),                     # a view of an array kept elsewhere
                  np.arange(24.0)[:12],                    # a slice of a larger buffer
                  np.asfortranarray(np.ones((3, 4))),      # not C-contiguous
                  np.broadcast_to(np.arange(3.0), (2, 3))):  # read-only
        outputs = [value]
        del value
        got = run_results.as_result(outputs, 0)
        assert got is not outputs[0] and np.array_equal(got, outputs[0])
        assert got.flags.c_contiguous and got.flags.writeable and got.base is None
    twice = np.ones(3)
    outputs = (twice, twice)
    del twice
    assert run_results.as_result(outputs, 0) is not outputs[0]
    scalar = run_results.as_result((np.asarray(2.5, np.float32),), 0)
    assert type(scalar) is np.float32 and scalar == 2.5


def test_a_kernel_result_is_fetched_without_a_copy(monkeypatch):
    returned_as_is = []
    as_result = run_results.as_result

    def spy(outputs, index):
        got = as_result(outputs, index)
        returned_as_is.append(got is outputs[index])
        return got
    monkeypatch.setattr(run_results, "as_result", spy)
    x = tf.placeholder(tf.float32, [None, 1024])
    v = tf.Variable(tf.zeros([1024]))
    out = tf.tanh(x) * 2.0
    with tf.Session() as sess:
        sess.run(v.initializer)
        returned_as_is.clear()
        sess.run([out, v, v.read_value()], {x: np.ones((256, 1024), np.float32)})
    assert returned_as_is == [True, False, False]


def test_changing_a_fetched_value_changes_no_state():
    v = tf.Variable(np.ones((3, 4), np.float32))
    c = tf.constant(np.ones((2, 2)))
    x = tf.placeholder(tf.float32, [None, 4])
    doubled = x * 2.0
    with tf.Session() as sess:
        sess.run(v.initializer)
        for fetch in (v, v.read_value(), tf.identity(v), c, tf.identity(c)):
            got = sess.run(fetch)
            got[...] = 9
        np.testing.assert_array_equal(sess.run(v), np.ones((3, 4), np.float32))
        np.testing.assert_array_equal(sess.run(c), np.ones((2, 2)))
        xs = np.ones((2, 4), np.float32)
        fed, out = sess.run([x, doubled], {x: xs})
        assert fed is xs  # a fetched feed is the fed value, as before
        out[...] = 0
        np.testing.assert_array_equal(sess.run(doubled, {x: xs}), 2 * xs)


def test_fetches_of_one_run_and_of_concurrent_runs_never_share_buffers():
    x = tf.placeholder(tf.float32, [None, 64])
    a = tf.tanh(x)
    b = a * 2.0
    xs = np.random.RandomState(0).randn(32, 64).astype(np.float32)
    results = []
    with tf.Session() as sess:
        def run():
            for _ in range(50):
                results.append(sess.run([a, b, a], {x: xs}))
        run_in_threads(run, [()] * 4)
    want_a, want_b = np.tanh(xs), np.tanh(xs) * np.float32(2)
    buffers = set()
    for got_a, got_b, again in results:
        assert again is got_a  # one fetch listed twice: one array, as TF's fetch mapper gives
        np.testing.assert_array_equal(got_a, want_a)
        np.testing.assert_array_equal(got_b, want_b)
        buffers.update((got_a.ctypes.data, got_b.ctypes.data))
    assert len(buffers) == 2 * len(results)  # every run's arrays are its own (all still alive)
