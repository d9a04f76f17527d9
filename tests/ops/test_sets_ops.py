"""tf.sets (tfcompat/ops/sets_ops.py) against Python sets, for dense and sparse operands (TF's
recorded values and errors: conformance/cases/sets)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

_PY = {"set_intersection": lambda a, b: a & b, "set_union": lambda a, b: a | b,
       "set_difference": lambda a, b: a - b}


def _to_sparse(rows):
    indices = [[i, j] for i, row in enumerate(rows) for j in range(len(row))]
    values = [v for row in rows for v in row]
    width = max([len(r) for r in rows] + [1])
    return tf.SparseTensor(np.array(indices, np.int64).reshape(-1, 2), np.array(values, np.int64),
                           [len(rows), width])


@settings(max_examples=30, deadline=None)
@given(fn=st.sampled_from(sorted(_PY)), sparse_a=st.booleans(), sparse_b=st.booleans(),
       data=st.data())
def test_set_operations_match_python_sets(fn, sparse_a, sparse_b, data):
    rows = data.draw(st.integers(1, 3))
    width = data.draw(st.integers(1, 4))
    dense = st.lists(st.lists(st.integers(0, 5), min_size=width, max_size=width),
                     min_size=rows, max_size=rows)
    ragged = st.lists(st.lists(st.integers(0, 5), max_size=4, unique=True).map(sorted),
                      min_size=rows, max_size=rows)
    a_rows = data.draw(ragged if sparse_a else dense)
    b_rows = data.draw(ragged if sparse_b else dense)
    with tf.Graph().as_default():
        a = _to_sparse(a_rows) if sparse_a else tf.constant(a_rows, tf.int64)
        b = _to_sparse(b_rows) if sparse_b else tf.constant(b_rows, tf.int64)
        result = tf.Session().run(getattr(tf.sets, fn)(a, b))
    expected = [sorted(_PY[fn](set(x), set(y))) for x, y in zip(a_rows, b_rows)]
    got = [[] for _ in range(rows)]
    for (r, j), v in zip(result.indices, result.values):
        assert j == len(got[r])
        got[r].append(int(v))
    assert got == expected
    assert list(result.dense_shape) == [rows, max(len(e) for e in expected)]


def test_set_size_counts_distinct_values_per_row():
    with tf.Graph().as_default():
        sp = tf.SparseTensor([[0, 0, 0], [0, 0, 1], [1, 1, 0]], [4, 4, 2], [2, 2, 3])
        np.testing.assert_array_equal(tf.Session().run(tf.sets.set_size(sp)), [[1, 0], [0, 1]])
