"""Graph-mode GradientTape with tfcompat's (reference) variables, which TF's tape rejects: the
accessed trainable variables are watched and differentiated (TF's recorded tensor cases:
conformance/cases/toplevel/gradient_tape)."""

import numpy as np

import tfcompat as tf


def test_accessed_trainable_variables_are_watched_and_differentiated():
    with tf.Graph().as_default():
        v = tf.Variable([0.5, 1.5], name="v")
        frozen = tf.Variable([2.0, 3.0], trainable=False, name="frozen")
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(v * v) + tf.reduce_sum(frozen * v)
        assert [w.name for w in tape.watched_variables()] == ["v:0"]
        gv, gf = tape.gradient(y, [v, frozen])
        assert gf is None
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            np.testing.assert_allclose(sess.run(gv), [3.0, 6.0])


def test_unwatched_variables_without_accessed_watching():
    with tf.Graph().as_default():
        v = tf.Variable([1.0, 2.0])
        with tf.GradientTape(watch_accessed_variables=False) as tape:
            y = tf.reduce_sum(v * 2.0)
        assert tape.gradient(y, v) is None and tape.watched_variables() == ()
        with tf.GradientTape(watch_accessed_variables=False) as tape:
            tape.watch(v)
            y = tf.reduce_sum(v * 2.0)
        with tf.Session() as sess:
            sess.run(v.initializer)
            np.testing.assert_allclose(sess.run(tape.gradient(y, v)), [2.0, 2.0])
