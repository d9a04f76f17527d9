"""Graph naming rules, shapes and dtypes (TF-recorded cases live in conformance/cases)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.tensor_shape import TensorShape

names = st.sampled_from(["a", "A", "a_1", "foo", "Foo", "foo_1", "x/y", "X/Y"])


@settings(max_examples=60, deadline=None)
@given(st.lists(names, min_size=1, max_size=12))
def test_unique_names_never_collide_case_insensitively(requested):
    graph = tf.Graph()
    given_names = [graph.unique_name(n) for n in requested]
    lowered = [n.lower() for n in given_names]
    assert len(set(lowered)) == len(lowered)
    for want, got in zip(requested, given_names):
        assert got == want or got.startswith(want + "_")


def test_tf_uniquification_examples():
    graph = tf.Graph()
    assert [graph.unique_name(n) for n in ["foo", "foo", "foo_1", "Foo"]] == [
        "foo", "foo_1", "foo_1_1", "Foo_2"]


def test_name_scopes_nest_reenter_and_reset():
    with tf.name_scope("s") as s:
        assert s == "s/"
        with tf.name_scope("t"):
            assert tf.constant(1.0, name="y").name == "s/t/y:0"
        with tf.name_scope(None):
            assert tf.constant(1.0).name == "Const:0"
    with tf.name_scope("s"):
        assert tf.constant(1.0).name == "s_1/Const:0"
    with tf.name_scope("s/"):
        assert tf.constant(1.0).name == "s/Const:0"
    with pytest.raises(ValueError, match="is not a valid root scope name"):
        with tf.name_scope("-bad"):
            pass


def test_graph_finalize_and_cross_graph_errors():
    g1, g2 = tf.Graph(), tf.Graph()
    with g1.as_default():
        a = tf.constant(1.0)
    with g2.as_default():
        b = tf.constant(2.0)
    with pytest.raises(ValueError, match="must be from the same graph"):
        tf.add(a, b)
    g1.finalize()
    with g1.as_default():
        with pytest.raises(RuntimeError, match="Graph is finalized"):
            tf.constant(3.0)
    assert [op.name for op in g1.get_operations()] == ["Const"]


def test_failed_shape_inference_adds_no_op():
    a = tf.constant([1.0, 2.0])
    before = len(tf.get_default_graph().get_operations())
    with pytest.raises(ValueError, match="Cannot reshape a tensor with 2 elements"):
        tf.reshape(a, [3])
    ops_after = tf.get_default_graph().get_operations()
    assert [op.type for op in ops_after[before:]] == ["Const"]  # the shape Const only


dims = st.one_of(st.none(), st.integers(0, 4))


@settings(max_examples=80, deadline=None)
@given(st.lists(dims, max_size=4), st.lists(dims, max_size=4))
def test_merge_with_is_the_meet_of_compatible_shapes(a, b):
    sa, sb = TensorShape(a), TensorShape(b)
    if sa.is_compatible_with(sb):
        merged = sa.merge_with(sb)
        assert merged.is_compatible_with(sa) and merged.is_compatible_with(sb)
        assert merged == sb.merge_with(sa)
    else:
        with pytest.raises(ValueError):
            sa.merge_with(sb)


@pytest.mark.parametrize("value, dtype", [
    (1, tf.int32), (1.5, tf.float32), ([1, 2.5], tf.float32), (np.array(1.0), tf.float64),
    (np.int64(3), tf.int64), (True, tf.bool), ("x", tf.string), (2**40, tf.int64),
])
def test_constant_dtype_inference(value, dtype):
    assert tf.constant(value).dtype == dtype


def test_no_implicit_dtype_promotion():
    with pytest.raises(TypeError, match="Input 'y' of 'AddV2' Op has type float64 that does "
                                        "not match type float32 of argument 'x'."):
        tf.constant(1.0) + tf.constant(1.0, tf.float64)
