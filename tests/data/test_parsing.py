"""tf.train.Example messages and parse_example (TF's outputs: conformance/cases/parsing)."""

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _example(**features):
    feature = {}
    for key, value in features.items():
        if isinstance(value[0], bytes):
            feature[key] = tf.train.Feature(bytes_list=tf.train.BytesList(value=value))
        elif isinstance(value[0], float):
            feature[key] = tf.train.Feature(float_list=tf.train.FloatList(value=value))
        else:
            feature[key] = tf.train.Feature(int64_list=tf.train.Int64List(value=value))
    return tf.train.Example(features=tf.train.Features(feature=feature))


def test_example_wire_round_trip():
    example = _example(a=[1, -2], b=[b"x"], c=[0.5])
    data = example.SerializeToString()
    assert tf.train.Example.FromString(data) == example
    # int64 values are varints, floats packed little-endian: the layout of feature.proto.
    assert bytes.fromhex("1a0d0a0b01feffffffffffffffff01") in data


def test_parse_example_var_len_and_fixed_len():
    records = [_example(v=[4, 5], f=[1.0, 2.0]).SerializeToString(),
               _example(f=[3.0, 4.0]).SerializeToString()]
    parsed = tf.io.parse_example(records, {"v": tf.io.VarLenFeature(tf.int64),
                                           "f": tf.io.FixedLenFeature([2], tf.float32)})
    with tf.Session() as sess:
        out = sess.run(parsed)
    np.testing.assert_array_equal(out["f"], [[1, 2], [3, 4]])
    assert out["v"].indices.tolist() == [[0, 0], [0, 1]]
    assert out["v"].values.tolist() == [4, 5]
    assert out["v"].dense_shape.tolist() == [2, 2]


def test_missing_required_feature_is_invalid_argument():
    parsed = tf.parse_single_example(_example(f=[1.0]).SerializeToString(),
                                     {"g": tf.FixedLenFeature([], tf.float32)})
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                             match="Feature: g .* is required"):
        sess.run(parsed)


def test_sequence_example_feature_lists():
    def ints(*v):
        return tf.train.Feature(int64_list=tf.train.Int64List(value=v))
    record = tf.train.SequenceExample(
        context=tf.train.Features(feature={"n": ints(2)}),
        feature_lists=tf.train.FeatureLists(feature_list={
            "tok": tf.train.FeatureList(feature=[ints(4, 5), ints(6, 7)])})).SerializeToString()
    context, lists = tf.parse_single_sequence_example(
        record, context_features={"n": tf.FixedLenFeature([], tf.int64)},
        sequence_features={"tok": tf.FixedLenSequenceFeature([2], tf.int64)})
    assert lists["tok"].shape.as_list() == [None, 2]
    with tf.Session() as sess:
        c, f = sess.run((context, lists))
    assert c["n"] == 2
    np.testing.assert_array_equal(f["tok"], [[4, 5], [6, 7]])
