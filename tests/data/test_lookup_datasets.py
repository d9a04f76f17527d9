"""Lookup tables filled from datasets: DatasetInitializer, table_from_dataset and
index_table_from_dataset (expected ids from TF 2.21's, recorded in conformance/cases/data4)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

E = tf.data.experimental


def test_static_hash_table_from_a_dataset_of_pairs():
    with tf.Graph().as_default(), tf.Session() as sess:
        pairs = tf.data.Dataset.from_tensor_slices((["a", "b", "c"], [10, 11, 12]))
        table = tf.lookup.StaticHashTable(E.DatasetInitializer(pairs), -1)
        out = table.lookup(tf.constant(["b", "z", "a"]))
        assert table.initializer.type == "InitializeTableFromDataset"
        sess.run(tf.tables_initializer())
        assert sess.run(out).tolist() == [11, -1, 10]
        assert sess.run(table.size()) == 3


@settings(max_examples=15, deadline=None)
@given(words=st.lists(st.text("abcdef", min_size=1, max_size=3), min_size=1, max_size=8,
                      unique=True), oov=st.integers(0, 3))
def test_index_table_gives_each_word_its_position(words, oov):
    queries = words + ["zzzz", "qq"]
    with tf.Graph().as_default(), tf.Session() as sess:
        table = E.index_table_from_dataset(tf.data.Dataset.from_tensor_slices(words),
                                           num_oov_buckets=oov)
        out = table.lookup(tf.constant(queries))
        sess.run(tf.tables_initializer())
        ids = sess.run(out).tolist()
        assert ids[:len(words)] == list(range(len(words)))
        for unknown in ids[len(words):]:
            assert (unknown == -1) if oov == 0 else len(words) <= unknown < len(words) + oov
        assert sess.run(table.size()) == len(words) + oov


def test_vocab_size_takes_that_many_and_requires_as_many():
    with tf.Graph().as_default(), tf.Session() as sess:
        words = tf.data.Dataset.from_tensor_slices(["x", "y", "z"])
        first_two = E.index_table_from_dataset(words, vocab_size=2)
        too_many = E.index_table_from_dataset(words, vocab_size=5)
        sess.run(first_two.initializer)
        assert sess.run(first_two.lookup(tf.constant(["y", "z"]))).tolist() == [1, -1]
        with pytest.raises(tf.errors.FailedPreconditionError, match="expected to contain 5"):
            sess.run(too_many.initializer)


def test_conflicting_duplicate_keys_fail_and_equal_ones_do_not():
    with tf.Graph().as_default(), tf.Session() as sess:
        clash = E.index_table_from_dataset(tf.data.Dataset.from_tensor_slices(["a", "a"]))
        with pytest.raises(tf.errors.FailedPreconditionError, match="Key a has 0"):
            sess.run(clash.initializer)
        same = tf.lookup.StaticHashTable(E.DatasetInitializer(
            tf.data.Dataset.from_tensor_slices((np.array([3, 3], np.int64), [1.5, 1.5]))), 0.0)
        sess.run(same.initializer)
        assert sess.run(same.size()) == 1


def test_initializer_needs_scalar_pairs_and_known_arguments():
    with tf.Graph().as_default():
        with pytest.raises(ValueError, match="3 components instead of two"):
            E.DatasetInitializer(tf.data.Dataset.from_tensors((1, 2, 3)))
        with pytest.raises(ValueError, match="non-scalar value Tensors of rank 1"):
            E.DatasetInitializer(tf.data.Dataset.from_tensors((1, [2])))
        pairs = tf.data.Dataset.from_tensors(("a", np.int64(1)))
        with pytest.raises(ValueError, match="num_oov_buckets"):
            E.table_from_dataset(pairs, num_oov_buckets=-2)
        with pytest.raises(TypeError, match="integer or string"):
            E.table_from_dataset(pairs, key_dtype=tf.float64)
        with pytest.raises(NotImplementedError, match="hasher_spec"):
            E.table_from_dataset(pairs, hasher_spec=object())
