"""Session.run reuses the fetch mapping of a flat list/tuple of graph elements across runs
(built anew as a list each time by most callers); results stay fresh, mutated lists map anew."""

from __future__ import annotations

import collections

import numpy as np

import tfcompat as tf


def test_list_and_tuple_fetches_reuse_one_mapping_and_return_fresh_containers():
    a = tf.constant(1.0)
    b = tf.constant([2, 3])
    with tf.Session() as sess:
        first = sess.run([a, b])
        second = sess.run([a, b])
        assert first is not second and isinstance(second, list)
        assert first[0] == 1.0 and first[1].tolist() == [2, 3]
        second[1][0] = 99  # results are the caller's to change
        assert sess.run([a, b])[1].tolist() == [2, 3]
        assert len(sess._flat_fetch_mappers) == 1
        pair = sess.run((b, a))
        assert isinstance(pair, tuple) and pair[1] == 1.0 and pair[0].tolist() == [2, 3]
        assert len(sess._flat_fetch_mappers) == 2


def test_a_list_changed_in_place_is_mapped_again():
    a, b, c = tf.constant(1.0), tf.constant(2.0), tf.constant(3.0)
    fetches = [a, b]
    with tf.Session() as sess:
        assert sess.run(fetches) == [1.0, 2.0]
        fetches[1] = c
        assert sess.run(fetches) == [1.0, 3.0]
        fetches.append(a)
        assert sess.run(fetches) == [1.0, 3.0, 1.0]


def test_ops_variables_repeats_and_structures_not_cached():
    v = tf.Variable(5.0)
    x = tf.placeholder(tf.float32, [])
    y = x * 2
    Pair = collections.namedtuple("Pair", "p q")
    with tf.Session() as sess:
        assert sess.run([tf.global_variables_initializer(), v]) == [None, 5.0]
        assert sess.run([y, y, v], {x: 1.5}) == [3.0, 3.0, 5.0]
        assert sess.run([y, y, v], {x: 2.0}) == [4.0, 4.0, 5.0]
        assert sess.run(Pair(y, v), {x: 1.0}) == Pair(2.0, 5.0)
        assert sess.run([y.name], {x: 1.0}) == [2.0]  # names are looked up every run
        nested = sess.run([[y], {"v": v}], {x: 0.5})
        assert nested == [[1.0], {"v": 5.0}]
        keys = list(sess._flat_fetch_mappers)
        assert len(keys) == 2 and all(k[0] is list for k in keys)
        assert np.asarray(sess.run((y,), {x: 3.0})).tolist() == [6.0]
