"""String ops and TF's string hashes (values recorded from TF 2.21 in
conformance/cases/strings; the hash vectors below come from the same recording)."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.ops import string_hash


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


@pytest.mark.parametrize("text, bucket", [
    ("hello", 296), ("", 97263), ("12345678", 84362), ("123456789abcdefgh", 26770),
    ("x" * 40, 84852), ("y" * 100, 28355), ("z" * 300, 16947)])
def test_fingerprint64_matches_tf_buckets(text, bucket):
    # Every length class of FarmHash: 0-16, 17-32, 33-64 and the >64 loop.
    assert string_hash.fingerprint64(text.encode()) % 100000 == bucket


def test_legacy_and_strong_hashes_match_tf_buckets():
    assert [string_hash.murmur64(s) % 1000 for s in
            (b"hello", b"", b"a longer string with many bytes!")] == [938, 899, 583]
    assert [string_hash.siphash24(1, 2, s) % 1000 for s in
            (b"hello", b"", b"x" * 20)] == [622, 435, 326]


def test_split_join_and_substr():
    with tf.Session() as sess:
        split = sess.run(tf.string_split(["a,b,,c", "d"], delimiter=","))
        assert split.values.tolist() == [b"a", b"b", b"c", b"d"]
        assert split.dense_shape.tolist() == [2, 3]
        assert sess.run(tf.strings.join(["a", ["b", "c"]], separator="-")).tolist() == [
            b"a-b", b"a-c"]
        assert sess.run(tf.substr(["hello"], -3, 2)).tolist() == [b"ll"]
        assert sess.run(tf.reduce_join([["a", "b"], ["c", "d"]], axis=0)).tolist() == [
            b"ac", b"bd"]
        with pytest.raises(tf.errors.InvalidArgumentError, match="could not correctly convert"):
            sess.run(tf.strings.to_number(["x"]))


def test_as_string_and_length_units():
    with tf.Session() as sess:
        assert sess.run(tf.as_string([7], width=4, fill="0")).tolist() == [b"0007"]
        lengths = sess.run(tf.strings.length(["ÄÖ"], unit="UTF8_CHAR"))
        np.testing.assert_array_equal(lengths, [2])


def test_segment_join_and_json_example():
    with tf.Session() as sess:
        joined = sess.run(tf.strings.unsorted_segment_join(["a", "b", "c"], [1, 1, 0], 2,
                                                           separator=","))
        assert joined.tolist() == [b"c", b"a,b"]
        record = sess.run(tf.io.decode_json_example(
            ['{"features": {"feature": {"x": {"int64List": {"value": ["7"]}}}}}']))[0]
    example = tf.train.Example.FromString(record)
    assert list(example.features.feature["x"].int64_list.value) == [7]
