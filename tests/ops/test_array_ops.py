"""Array ops not in the op-spec table, and framework helpers they rely on."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.ops import ShapeError
from tfcompat.framework.tensor_shape import TensorShape


def run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


def test_constants_hold_their_values_and_are_not_aliased():
    c = tf.constant([[1, 2], [3, 4]], name="c")
    first = run(c)
    first[0, 0] = 99  # mutating a fetched array must not change the graph's constant
    np.testing.assert_array_equal(run(c), [[1, 2], [3, 4]])
    assert c.op.type == "Const" and c.op.get_attr("dtype") == tf.int32


def test_rank_is_folded_when_known_and_computed_when_not():
    assert tf.rank(tf.zeros([2, 3])).op.type == "Const"
    p = tf.placeholder(tf.float32)
    r = tf.rank(p)
    assert r.op.type == "Rank"
    assert run(r, {p: np.zeros((2, 3, 4))}) == 3


def test_group_and_no_op_run_their_dependencies():
    v = tf.Variable(0.0)
    inc = tf.assign_add(v, 1.0)
    g = tf.group(inc, tf.no_op())
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(g) is None
        assert sess.run(v) == 1.0
    assert g.type == "NoOp" and inc.op in g.control_inputs


def test_tuple_of_a_variable_keeps_the_reference_type():
    v = tf.Variable(1.0)
    t = tf.tuple([v._ref(), tf.constant(2.0)])
    assert [x.op.type for x in t] == ["RefIdentity", "Identity"]
    assert t[0].dtype == tf.as_dtype("float32_ref")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 3), max_size=4), st.lists(st.integers(1, 3), max_size=4),
       st.lists(st.booleans(), min_size=8, max_size=8))
def test_broadcast_shape_agrees_with_numpy(a, b, ones):
    a = [1 if flag else d for d, flag in zip(a, ones)]
    b = [1 if flag else d for d, flag in zip(b, ones[4:])]
    try:
        expected = np.broadcast_shapes(tuple(a), tuple(b))
    except ValueError:
        with pytest.raises(ShapeError):
            broadcast_shape(TensorShape(a), TensorShape(b))
        return
    assert broadcast_shape(TensorShape(a), TensorShape(b)).as_tuple() == expected
    assert broadcast_shape(TensorShape([None] * len(a)), TensorShape(b)).is_compatible_with(
        expected)


def test_broadcast_gradient_args_gives_the_reduction_axes():
    from tfcompat.ops.array_ops import broadcast_gradient_args
    rx, ry = broadcast_gradient_args([2, 1, 3], [4, 3])
    rx, ry = run([rx, ry])
    assert rx.tolist() == [1] and ry.tolist() == [0]


def test_concat_offsets():
    from tfcompat.ops.array_ops import concat_offsets
    offsets = concat_offsets(1, [tf.constant([2, 3]), tf.constant([2, 5]), tf.constant([2, 1])])
    assert [o.tolist() for o in run(offsets)] == [[0, 0], [0, 3], [0, 8]]


def test_range_dtypes_and_values():
    assert run(tf.range(5)).tolist() == [0, 1, 2, 3, 4]
    r = tf.range(1.0, 2.0, 0.25)
    assert r.dtype == tf.float32 and r.shape.as_list() == [4]
    np.testing.assert_allclose(run(r), [1.0, 1.25, 1.5, 1.75])
    n = tf.placeholder(tf.int32, [])
    assert tf.range(n).shape.as_list() == [None]


def test_where_coordinates():
    w = tf.where(tf.constant([[True, False], [False, True]]))
    assert w.dtype == tf.int64 and w.shape.as_list() == [None, 2]
    assert run(w).tolist() == [[0, 0], [1, 1]]


def test_unique_in_order_of_appearance():
    y, idx = tf.unique(tf.constant([3, 1, 3, 2, 1]))
    y, idx = run([y, idx])
    assert y.tolist() == [3, 1, 2] and idx.tolist() == [0, 1, 0, 2, 1]


def test_bitcast_reinterprets_bytes():
    b = tf.bitcast(tf.constant([1.0], tf.float32), tf.int32)
    assert run(b).tolist() == [1065353216]
    assert tf.bitcast(tf.constant([1.0], tf.float64), tf.int32).shape.as_list() == [1, 2]


def test_py_func_calls_python_with_arrays_and_reports_errors():
    pf = tf.py_func(lambda a, b: (a * b).astype(np.float32), [tf.constant([1.0, 2.0]),
                                                             tf.constant(3)], tf.float32)
    assert pf.op.get_attr("Tin") == [tf.float32, tf.int32]
    np.testing.assert_array_equal(run(pf), [3.0, 6.0])

    def boom(a):
        raise RuntimeError("no")
    bad = tf.py_func(boom, [tf.constant(1.0)], tf.float32)
    with pytest.raises(tf.errors.UnknownError, match="RuntimeError: no"):
        run(bad)
