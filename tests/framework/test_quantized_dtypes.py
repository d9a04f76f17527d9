"""Quantized dtypes (qint8, quint8, qint16, quint16, qint32) in their numpy forms, as TF 2.21
has them: structured ``as_numpy_dtype``, numpy-only constants, structured feeds, plain storage
arrays from kernels, TensorProto encoding and casts."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework import dtypes

_STORAGE = {"qint8": np.int8, "quint8": np.uint8, "qint16": np.int16, "quint16": np.uint16,
            "qint32": np.int32}
_QUANTIZED = [tf.qint8, tf.quint8, tf.qint16, tf.quint16, tf.qint32]


@pytest.mark.parametrize("dtype", _QUANTIZED, ids=lambda d: d.name)
def test_numpy_form_is_tfs_one_field_structured_dtype(dtype):
    np_dtype = dtype.as_numpy_dtype
    assert np_dtype == np.dtype([(dtype.name, _STORAGE[dtype.name])])
    assert tf.as_dtype(np_dtype) is dtype and tf.as_dtype(np.dtype(np_dtype)) is dtype
    assert dtype.is_numpy_compatible and dtype.is_quantized and not dtype.is_integer
    assert dtype.size == np.dtype(_STORAGE[dtype.name]).itemsize
    assert dtypes.storage_type(dtype) is _STORAGE[dtype.name]
    with pytest.raises(TypeError, match=f"with quantized type <dtype: '{dtype.name}'>"):
        _ = dtype.min
    with pytest.raises(ValueError, match="does not have defined limits"):
        _ = dtype.limits


def test_other_structured_dtypes_are_not_quantized():
    with pytest.raises(TypeError):
        tf.as_dtype(np.dtype([("quint8", np.int8)]))
    with pytest.raises(TypeError):
        tf.as_dtype(np.dtype([("a", np.uint8)]))


def test_python_values_do_not_convert_to_quantized_constants():
    with pytest.raises(TypeError, match=r"^Expected quint8, but got 1 of type 'int'\.$"):
        tf.constant([1, 2], tf.quint8)
    with pytest.raises(TypeError, match=r"^Expected qint32, but got 1.5 of type 'float'\.$"):
        tf.constant(1.5, tf.qint32)


@settings(max_examples=30, deadline=None)
@given(dtype=st.sampled_from(_QUANTIZED), shape=st.lists(st.integers(0, 3), max_size=3),
       seed=st.integers(0, 999), structured=st.booleans())
def test_constants_round_trip_through_sessions_and_graph_defs(dtype, shape, seed, structured):
    info = np.iinfo(_STORAGE[dtype.name])
    plain = np.random.RandomState(seed).randint(info.min, int(info.max) + 1, shape).astype(
        _STORAGE[dtype.name])
    value = plain.view(dtype.as_numpy_dtype) if structured else plain
    with tf.Graph().as_default() as g:
        c = tf.constant(value) if structured else tf.constant(value, dtype)
        assert c.dtype is dtype and c.shape.as_list() == list(shape)
        fetched = tf.Session().run(c)
        graph_def = g.as_graph_def()
    # Kernels (and so fetches) hold the plain storage integers, as TF's do.
    assert np.asarray(fetched).dtype == plain.dtype
    np.testing.assert_array_equal(fetched, plain)
    proto = [n for n in graph_def.node if n.name == c.op.name][0].attr["value"].tensor
    read_back = tf.make_ndarray(proto)
    assert read_back.dtype == dtype.as_numpy_dtype
    np.testing.assert_array_equal(read_back.view(plain.dtype).reshape(plain.shape), plain)
    with tf.Graph().as_default():
        imported = tf.import_graph_def(graph_def, return_elements=[c.name])[0]
        np.testing.assert_array_equal(tf.Session().run(imported), plain)


def test_tensor_proto_fields_match_tf():
    proto = tf.make_tensor_proto(np.array([1, 2], np.int8), tf.qint8)
    assert proto.tensor_content == b"\x01\x02" and not proto.int_val
    scalar = tf.make_tensor_proto(np.array(-3, np.int8), tf.qint8)
    assert list(scalar.int_val) == [-3] and not scalar.tensor_content
    assert tf.make_ndarray(scalar) == np.array((-3,), tf.qint8.as_numpy_dtype)


def test_feeds_come_back_structured_and_reach_kernels_plain():
    p = tf.placeholder(tf.quint8, [None])
    doubled_shape = tf.reshape(p, [-1, 1])
    with tf.Session() as sess:
        fed = sess.run(p, {p: [1, 2, 3]})
        through = sess.run(doubled_shape, {p: np.array([4.5, 5.0])})
        deq = sess.run(tf.dequantize(p, 0.0, 255.0), {p: np.array([0, 255], np.int32)})
        with pytest.raises(OverflowError):
            sess.run(p, {p: [300]})
    assert fed.dtype == tf.quint8.as_numpy_dtype and fed.view(np.uint8).tolist() == [1, 2, 3]
    assert through.dtype == np.uint8 and through.tolist() == [[4], [5]]
    assert deq.tolist() == [0.0, 255.0]


def test_casts_wrap_and_truncate_as_tf():
    c = tf.constant(np.array([1, 2, 255], np.uint8), tf.quint8)
    with tf.Session() as sess:
        assert sess.run(tf.cast(c, tf.qint8)).tolist() == [1, 2, -1]
        assert sess.run(tf.cast(tf.constant([1.7, -1.2]), tf.quint8)).tolist() == [1, 255]
        assert sess.run(tf.cast(tf.constant([70000, -3]), tf.qint16)).tolist() == [4464, -3]
        assert sess.run(tf.cast(c, tf.float32)).tolist() == [1.0, 2.0, 255.0]
    assert tf.cast(c, tf.quint8) is c


def test_zeros_ones_and_variables():
    v = tf.Variable(np.array([1, 2], tf.quint8.as_numpy_dtype))
    assert v.dtype == tf.quint8._as_ref
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(v).tolist() == [1, 2]
        assert sess.run(tf.zeros([2], tf.quint8)).tolist() == [0, 0]
        assert sess.run(tf.ones([2], tf.qint32)).dtype == np.int32
