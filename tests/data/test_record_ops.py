"""Byte-level record ops (TF's outputs: conformance/cases/parsing/record_ops)."""

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def test_round_trips():
    value = np.arange(6, dtype=np.int64).reshape(2, 3)
    with tf.Session() as sess:
        parsed = sess.run(tf.parse_tensor(tf.serialize_tensor(value), tf.int64))
        np.testing.assert_array_equal(parsed, value)
        text = [b"\x00\xffdata", b""]
        assert sess.run(tf.decode_base64(tf.encode_base64(text))).tolist() == text
        raw = sess.run(tf.decode_raw(tf.constant(np.float64([1.25, -3]).tobytes()),
                                     tf.float64))
        np.testing.assert_array_equal(raw, [1.25, -3])


def test_files(tmp_path):
    path = str(tmp_path / "sub" / "f.bin")
    with tf.Session() as sess:
        sess.run(tf.write_file(path, b"abc"))
        assert sess.run(tf.read_file(path)) == b"abc"
        with pytest.raises(tf.errors.NotFoundError):
            sess.run(tf.read_file(str(tmp_path / "missing")))


def test_errors():
    with tf.Session() as sess:
        with pytest.raises(tf.errors.InvalidArgumentError, match="Type mismatch"):
            sess.run(tf.parse_tensor(tf.serialize_tensor([1.0]), tf.int32))
        with pytest.raises(tf.errors.InvalidArgumentError, match="same size"):
            sess.run(tf.decode_raw(["ab", "abcd"], tf.int16))
