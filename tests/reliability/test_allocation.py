"""Allocations that cannot succeed raise ResourceExhaustedError ("OOM when allocating tensor
with shape[...]" naming the op) and the session stays usable, as in TF 2.21 (recorded in
conformance/cases/reliability/allocation_limits and fetch_huge_zeros)."""

from __future__ import annotations

import pytest

import tfcompat as tf


def _oom(sess, fetch, feed=None):
    with pytest.raises(tf.errors.ResourceExhaustedError) as info:
        sess.run(fetch, feed)
    return info.value


def test_huge_allocations_are_resource_exhausted():
    n = tf.placeholder(tf.int32, [])
    big = tf.zeros(tf.stack([n, n]), name="big")
    outer = tf.matmul(tf.ones([2 ** 20, 1]), tf.ones([1, 2 ** 20]), name="outer")
    with tf.Session() as sess:
        error = _oom(sess, big, {n: 2 ** 20})
        assert "OOM when allocating tensor with shape[1048576,1048576] and type float" in str(error)
        assert error.op.name == "big"
        assert "{{node outer}}" in str(_oom(sess, outer))
        assert "type int64" in str(_oom(sess, tf.range(2 ** 40)))
        assert "shape[1099511627776]" in str(_oom(sess, tf.zeros([1 << 40])))
        assert sess.run(tf.constant(1) + 1) == 2


def test_huge_variable_initializer_and_random_op():
    v = tf.get_variable("v", [2 ** 20, 2 ** 20], initializer=tf.glorot_uniform_initializer())
    r = tf.random_uniform([2 ** 20, 2 ** 20])
    with tf.Session() as sess:
        _oom(sess, v.initializer)
        assert "shape[1048576,1048576] and type float" in str(_oom(sess, r))
        assert not sess.run(tf.is_variable_initialized(v))
        assert isinstance(_oom(sess, r), tf.errors.OpError)


def test_static_size_beyond_memory_is_refused_before_allocating():
    # TF's allocator refuses a tensor larger than its limit (the machine's memory) up front;
    # tfcompat checks static sizes when it builds the plan, so nothing is allocated (numpy
    # alone might reserve such a zero-filled array lazily and fail later).
    from tfcompat.client import run_errors
    n = run_errors.MEMORY_LIMIT // 4 + 1024
    z = tf.zeros([n], name="z")
    pred = tf.placeholder(tf.bool, [])
    picked = tf.cond(pred, lambda: tf.reduce_sum(tf.ones([n])), lambda: tf.constant(1.0))
    with tf.Session() as sess:
        error = _oom(sess, z)
        assert f"shape[{n}] and type float" in str(error) and error.op.name == "z"
        assert sess.run(picked, {pred: False}) == 1.0  # the untaken branch allocates nothing
        _oom(sess, picked, {pred: True})
