"""decode_proto / encode_proto: TF's run-time errors and encode/decode round trips."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

FL = [tf.train.FloatList(value=[1.5, 2.5]).SerializeToString()]
IL = [tf.train.Int64List(value=[5]).SerializeToString()]


@pytest.mark.parametrize("args, error, message", [
    ((FL, "tensorflow.Nope", ["value"], [tf.float32]), tf.errors.InvalidArgumentError,
     "No descriptor found for message type tensorflow.Nope"),
    ((FL, "tensorflow.FloatList", ["nope"], [tf.float32]), tf.errors.InvalidArgumentError,
     "Unknown field: nope in message type tensorflow.FloatList"),
    ((FL, "tensorflow.FloatList", ["value"], [tf.int32]), tf.errors.InvalidArgumentError,
     "Unexpected output type for tensorflow.FloatList.value: float to DT_INT32"),
    ((IL, "tensorflow.Int64List", ["value"], [tf.int32]), tf.errors.InvalidArgumentError,
     "Unexpected output type for tensorflow.Int64List.value: int64 to DT_INT32"),
    (([b"\xff\xff"], "tensorflow.FloatList", ["value"], [tf.float32]), tf.errors.DataLossError,
     "CountFields: Failed to consume entire buffer"),
])
def test_decode_errors(args, error, message):
    with tf.Graph().as_default(), tf.Session() as sess:
        with pytest.raises(error, match=message):
            sess.run(tf.io.decode_proto(*args))


def test_encode_size_larger_than_values():
    with tf.Graph().as_default(), tf.Session() as sess:
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match="Size to write must not be larger than value tensor; but "
                                 "saw: 3 > 2 at message 0 field 0"):
            sess.run(tf.io.encode_proto(tf.constant([[3]]), [tf.constant([[1.0, 2.0]])],
                                        ["value"], "tensorflow.FloatList"))


def test_descriptor_files_are_refused_when_built():
    with tf.Graph().as_default(), pytest.raises(NotImplementedError, match="descriptor_source"):
        tf.io.decode_proto(FL, "tensorflow.FloatList", ["value"], [tf.float32],
                           descriptor_source="/tmp/descriptors.pb")


def test_text_format_is_refused_when_built():
    with tf.Graph().as_default(), pytest.raises(NotImplementedError, match="message_format"):
        tf.io.decode_proto(["value: 1"], "tensorflow.Int64List", ["value"], [tf.int64],
                           message_format="text")


@settings(max_examples=20, deadline=None)
@given(rows=st.lists(st.lists(st.integers(-(1 << 63), (1 << 63) - 1), max_size=4),
                     min_size=1, max_size=4))
def test_int64_round_trip_matches_the_message_runtime(rows):
    width = max([len(r) for r in rows] + [1])
    padded = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        padded[i, :len(r)] = r
    with tf.Graph().as_default(), tf.Session() as sess:
        encoded = sess.run(tf.io.encode_proto(
            tf.constant([[len(r)] for r in rows], tf.int32), [tf.constant(padded)], ["value"],
            "tensorflow.Int64List"))
        assert [tf.train.Int64List.FromString(e).value[:] for e in encoded] == rows
        sizes, (values,) = sess.run(tf.io.decode_proto(encoded, "tensorflow.Int64List",
                                                       ["value"], [tf.int64]))
    assert sizes[:, 0].tolist() == [len(r) for r in rows]
    assert values.tolist() == padded.tolist()
