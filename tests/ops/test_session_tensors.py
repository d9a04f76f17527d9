"""Session tensor handles (tfcompat/ops/session_tensor_ops.py): values survive between runs,
stay per session, and deleting one makes reading it an error (TF's recorded behaviour:
conformance/cases/toplevel/session_handles)."""

import numpy as np
import pytest

import tfcompat as tf


def test_handles_keep_values_per_session_until_deleted():
    with tf.Graph().as_default():
        value = tf.placeholder(tf.float32, [2])
        keep = tf.get_session_handle(value * 2)
        holder, stored = tf.get_session_tensor("", tf.float32)
        dholder, delete = tf.delete_session_tensor("")
        with tf.Session() as first, tf.Session() as second:
            handle = first.run(keep, {value: [1., 2.]})
            np.testing.assert_array_equal(first.run(stored + 1, {holder: handle.handle}), [3, 5])
            np.testing.assert_array_equal(handle.eval(), [2, 4])
            with pytest.raises(tf.errors.InvalidArgumentError, match="does not exist"):
                second.run(stored, {holder: handle.handle})
            first.run(delete, {dholder: handle.handle})
            with pytest.raises(tf.errors.InvalidArgumentError, match="does not exist"):
                first.run(stored, {holder: handle.handle})
