"""tf.lookup tables (tfcompat/ops/lookup_ops.py, lookup_tables.py): per-session state, shared
text-file tables, the dense table's reserved keys, value_index_offset (TF's recorded behaviour:
conformance/cases/lookup)."""

import numpy as np
import pytest

import tfcompat as tf


def test_each_session_has_its_own_mutable_table():
    with tf.Graph().as_default():
        table = tf.lookup.experimental.MutableHashTable(tf.int64, tf.float32, -1.0)
        insert = table.insert(tf.constant([1, 2], tf.int64), tf.constant([0.5, 1.5]))
        found = table.lookup(tf.constant([2, 1, 9], tf.int64))
        with tf.Session() as first, tf.Session() as second:
            first.run(insert)
            np.testing.assert_array_equal(first.run(found), [1.5, 0.5, -1.0])
            np.testing.assert_array_equal(second.run(found), [-1.0, -1.0, -1.0])


def test_text_file_tables_with_offsets_and_columns(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("x 7\ny 8\n")
    with tf.Graph().as_default():
        by_line = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
            str(path), tf.string, 0, tf.int64, -1, delimiter=" ", value_index_offset=10), -1)
        by_column = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
            str(path), tf.int64, 1, tf.string, 0, delimiter=" "), "?")
        with tf.Session() as sess:
            sess.run(tf.tables_initializer())
            np.testing.assert_array_equal(sess.run(by_line.lookup(tf.constant(["y", "x"]))),
                                          [11, 10])
            assert sess.run(by_column.lookup(tf.constant([8, 9], tf.int64))).tolist() == \
                [b"y", b"?"]
            sess.run(by_line.initializer)  # a second initialization changes nothing
            assert sess.run(by_line.size()) == 2


def test_dense_hash_table_rejects_its_reserved_keys():
    with tf.Graph().as_default():
        table = tf.lookup.experimental.DenseHashTable(tf.int64, tf.int64, default_value=-1,
                                                      empty_key=0, deleted_key=-1)
        assert table.resource_handle.op.type == "MutableDenseHashTableV2"
        with tf.Session() as sess:
            sess.run(table.insert(tf.constant([5], tf.int64), tf.constant([50], tf.int64)))
            assert sess.run(table.lookup(tf.constant([5, 6], tf.int64))).tolist() == [50, -1]
            with pytest.raises(tf.errors.InvalidArgumentError, match="empty_key"):
                sess.run(table.insert(tf.constant([0], tf.int64), tf.constant([1], tf.int64)))
