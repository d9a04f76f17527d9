"""element_spec, DatasetSpec, get_structure/from_variant and padded_batch with tensor-valued
padded shapes (TF 2.21's outputs are recorded in conformance/cases/data4)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

E = tf.data.experimental
_DIMS = st.lists(st.one_of(st.none(), st.integers(0, 4)), max_size=3)


@settings(max_examples=25, deadline=None)
@given(a=_DIMS, b=_DIMS, dtype=st.sampled_from([tf.float32, tf.int64, tf.string]))
def test_from_variant_keeps_the_element_spec(a, b, dtype):
    with tf.Graph().as_default():
        ds = tf.data.Dataset.from_tensors({"a": tf.placeholder(dtype, a),
                                           "b": (tf.placeholder(tf.int32, b),)})
        spec = ds.element_spec
        assert spec["a"] == tf.TensorSpec(a, dtype)
        assert spec["b"][0] == tf.TensorSpec(b, tf.int32)
        back = E.from_variant(E.to_variant(ds), spec)
        assert back.element_spec == spec
        assert back.output_types == ds.output_types
        assert tf.data.DatasetSpec.from_value(back) == tf.data.DatasetSpec(spec)


def test_iterators_and_windows_have_element_specs():
    with tf.Graph().as_default():
        it = tf.data.Iterator.from_structure((tf.int64, tf.string), (tf.TensorShape([None]), []))
        assert E.get_structure(it) == (tf.TensorSpec([None], tf.int64),
                                       tf.TensorSpec([], tf.string))
        windows = tf.data.Dataset.range(4).window(2).element_spec
        assert windows == tf.data.DatasetSpec(tf.TensorSpec([], tf.int64))
        sparse = tf.data.Dataset.from_tensors(tf.SparseTensor([[0]], [1.0], [4])).batch(2)
        assert sparse.element_spec == tf.SparseTensorSpec([None, 4], tf.float32)
        with pytest.raises(TypeError, match="must be a `tf.data.Dataset`"):
            E.get_structure([1])


def test_sparse_elements_round_trip_through_from_tensors():
    with tf.Graph().as_default(), tf.Session() as sess:
        st_in = tf.SparseTensor([[0, 1], [2, 0]], [5, 6], [3, 2])
        value = sess.run(tf.data.make_one_shot_iterator(
            tf.data.Dataset.from_tensors(st_in)).get_next())
        assert value.indices.tolist() == [[0, 1], [2, 0]]
        assert value.values.tolist() == [5, 6] and value.dense_shape.tolist() == [3, 2]


def _pad(rows, width, fill):
    return [list(r) + [fill] * (width - len(r)) for r in rows]


@settings(max_examples=20, deadline=None)
@given(lengths=st.lists(st.integers(0, 5), min_size=1, max_size=6),
       extra=st.integers(0, 3), batch=st.integers(1, 4))
def test_padded_batch_pads_to_a_fed_shape(lengths, extra, batch):
    width = max(lengths) + extra
    with tf.Graph().as_default(), tf.Session() as sess:
        rows = tf.data.Dataset.from_generator(
            lambda: (np.arange(n, dtype=np.int64) + 1 for n in lengths), tf.int64, [None])
        size = tf.placeholder(tf.int64, [])
        batched = rows.padded_batch(batch, padded_shapes=tf.stack([size]))
        assert batched.output_shapes.as_list() == [None, None]
        it = tf.data.make_initializable_iterator(batched)
        nxt = it.get_next()
        sess.run(it.initializer, {size: width})
        for start in range(0, len(lengths), batch):
            want = _pad([range(1, n + 1) for n in lengths[start:start + batch]], width, 0)
            assert sess.run(nxt).tolist() == want
        if extra == 0 and max(lengths) > 0:
            sess.run(it.initializer, {size: max(lengths) - 1})
            with pytest.raises(tf.errors.DataLossError, match="smaller size"):
                for _ in range(len(lengths)):
                    sess.run(nxt)


def test_pad_to_bucket_boundary_pads_each_bucket_to_its_boundary_minus_one():
    lengths = [1, 3, 2, 5, 4, 1, 6, 2]
    with tf.Graph().as_default(), tf.Session() as sess:
        rows = tf.data.Dataset.from_generator(
            lambda: (np.ones(n, np.int32) for n in lengths), tf.int32, [None])
        buckets = rows.apply(E.bucket_by_sequence_length(
            lambda t: tf.shape(t)[0], [3, 8], [2, 2, 2], pad_to_bucket_boundary=True))
        nxt = tf.data.make_one_shot_iterator(buckets).get_next()
        widths = []
        while True:
            try:
                widths.append(sess.run(nxt).shape)
            except tf.errors.OutOfRangeError:
                break
        assert widths == [(2, 2), (2, 7), (2, 7), (2, 2)]
        too_long = tf.data.Dataset.from_tensors(tf.ones([9], tf.int32)).apply(
            E.bucket_by_sequence_length(lambda t: tf.shape(t)[0], [3, 8], [1, 1, 1],
                                        pad_to_bucket_boundary=True))
        with pytest.raises(tf.errors.InternalError, match="pad_to_bucket_boundary"):
            sess.run(tf.data.make_one_shot_iterator(too_long).get_next())
