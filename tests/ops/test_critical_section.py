"""CriticalSection (tfcompat/ops/critical_section_ops.py): executions in concurrent runs never
interleave, and a failing execution releases the mutex (TF's recorded structure:
conformance/cases/toplevel/critical_section)."""

import numpy as np
import pytest

import tfcompat as tf
from tests.threads import run_in_threads


def test_concurrent_read_modify_writes_do_not_interleave():
    with tf.Graph().as_default():
        v = tf.Variable(0, name="v")
        cs = tf.CriticalSection()

        def slow_increment():
            # Read, then write read + 1 in a separate op: unsafe without the mutex.
            read = tf.identity(v.read_value())
            spin = tf.py_func(lambda x: x, [read], tf.int32)
            return v.assign(spin + 1)
        step = cs.execute(slow_increment)
        with tf.Session() as sess:
            sess.run(v.initializer)

            def worker():
                for _ in range(25):
                    sess.run(step)
            run_in_threads(worker, [()] * 4)
            assert sess.run(v) == 100


def test_a_failed_execution_releases_the_mutex():
    with tf.Graph().as_default():
        cs = tf.CriticalSection()
        x = tf.placeholder(tf.float32, [])
        checked = cs.execute(lambda: tf.debugging.check_numerics(x, "bad value"))
        value = cs.execute(lambda: tf.constant(np.float32(2.5)))
        with tf.Session() as sess:
            with pytest.raises(tf.errors.InvalidArgumentError, match="bad value"):
                sess.run(checked, {x: np.nan})
            assert sess.run(value) == 2.5
