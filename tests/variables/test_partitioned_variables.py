"""Partitioned variables (tfcompat/variables/partitioned_variables.py): pieces cover the full
shape in order for any cut, and the partitioners respect their byte bounds (TF's recorded
behaviour: conformance/cases/toplevel/partitioned_variables)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


@settings(max_examples=20, deadline=None)
@given(rows=st.integers(1, 9), cols=st.integers(1, 4), shards=st.integers(1, 5),
       axis=st.integers(0, 1))
def test_pieces_concatenate_to_the_assigned_value(rows, cols, shards, axis):
    value = np.arange(rows * cols, dtype=np.float32).reshape(rows, cols)
    with tf.Graph().as_default():
        v = tf.get_variable("v", [rows, cols], partitioner=tf.fixed_size_partitioner(shards, axis),
                            initializer=tf.zeros_initializer())
        sizes = [p.shape.as_list()[axis] for p in v]
        assert sum(sizes) == value.shape[axis] and max(sizes) - min(sizes) <= 1
        assert sizes == sorted(sizes, reverse=True)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(v.assign(value))
            np.testing.assert_array_equal(sess.run(tf.convert_to_tensor(v)), value)


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(1, 50), cols=st.integers(1, 8), max_bytes=st.integers(4, 400))
def test_variable_axis_size_pieces_stay_under_the_byte_bound(rows, cols, max_bytes):
    shape = tf.TensorShape([rows, cols])
    pieces = tf.variable_axis_size_partitioner(max_bytes)(shape=shape, dtype=tf.float32)[0]
    largest_rows = -(-rows // pieces)
    assert largest_rows * cols * 4 <= max(max_bytes, cols * 4)
