"""Readers and decode_csv (values recorded from TF 2.21; see conformance/cases/queues)."""

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _filename_queue(sess, files):
    q = tf.FIFOQueue(10, tf.string, shapes=[[]])
    return q, q.enqueue_many([files]), q.close()


def test_text_line_reader_keys_and_end_of_input(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("h\n1,2\r\n3,4")
    q = tf.FIFOQueue(10, tf.string, shapes=[[]])
    key, value = tf.TextLineReader(skip_header_lines=1).read(q)
    with tf.Session() as sess:
        sess.run(q.enqueue_many([[str(path)]]))
        sess.run(q.close())
        assert sess.run([key, value]) == [f"{path}:2".encode(), b"1,2"]
        assert sess.run(value) == b"3,4"
        with pytest.raises(tf.errors.OutOfRangeError):
            sess.run(value)


def test_missing_file_is_not_found(tmp_path):
    q = tf.FIFOQueue(10, tf.string, shapes=[[]])
    _, value = tf.WholeFileReader().read(q)
    with tf.Session() as sess:
        sess.run(q.enqueue(str(tmp_path / "nope")))
        with pytest.raises(tf.errors.NotFoundError, match="No such file or directory"):
            sess.run(value)


def test_corrupt_tfrecord_is_data_loss(tmp_path):
    path = tmp_path / "r.tfrecord"
    with tf.python_io.TFRecordWriter(str(path)) as writer:
        writer.write(b"payload")
    data = bytearray(path.read_bytes())
    data[14] ^= 0xFF
    path.write_bytes(bytes(data))
    q = tf.FIFOQueue(10, tf.string, shapes=[[]])
    _, value = tf.TFRecordReader().read(q)
    with tf.Session() as sess:
        sess.run(q.enqueue(str(path)))
        with pytest.raises(tf.errors.DataLossError):
            sess.run(value)


def test_decode_csv_columns_and_errors():
    cols = tf.decode_csv(['1,"a,""b"""', ",z"], [[7], ["d"]])
    with tf.Session() as sess:
        ints, strs = sess.run(cols)
        np.testing.assert_array_equal(ints, [1, 7])
        assert strs.tolist() == [b'a,"b"', b"z"]
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match="Expect 2 fields but have 1 in record 0"):
            sess.run(tf.decode_csv(["1"], [[0], [0]]))
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match="Field 0 in record 0 is not a valid int32: x"):
            sess.run(tf.decode_csv(["x"], [[0]]))
