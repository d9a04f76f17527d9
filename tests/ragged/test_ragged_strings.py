"""Ragged string ops: unicode decoding against Python's codecs, ICU script codes recorded
from TF 2.21, ngrams against a Python reference, bytes_split and ragged split."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.errors import InvalidArgumentError

texts = st.lists(st.text(max_size=6), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(texts, st.sampled_from(["UTF-8", "UTF-16-BE", "UTF-32-BE"]))
def test_decode_and_split_match_python_codecs(words, encoding):
    tf.reset_default_graph()
    codec = {"UTF-8": "utf-8", "UTF-16-BE": "utf-16-be", "UTF-32-BE": "utf-32-be"}[encoding]
    # Lone surrogates are not text: they cannot be encoded.
    words = [w.encode(codec, "surrogatepass").decode(codec, "replace") for w in words]
    data = [w.encode(codec) for w in words]
    with tf.Session() as sess:
        codes, offsets = sess.run(tf.strings.unicode_decode_with_offsets(data, encoding))
        chars = sess.run(tf.strings.unicode_split(data, encoding))
    assert codes.to_list() == [[ord(c) for c in w] for w in words]
    assert chars.to_list() == [[c.encode(codec) for c in w] for w in words]
    for w, row in zip(words, offsets.to_list()):
        expected = np.cumsum([0] + [len(c.encode(codec)) for c in w])[:-1].tolist()
        assert row == expected


def test_invalid_bytes_replace_ignore_and_strict():
    data = [b"a\xffb", b"\xe6\x97"]
    with tf.Session() as sess:
        replaced = sess.run(tf.strings.unicode_decode(data, "UTF-8"))
        ignored = sess.run(tf.strings.unicode_decode(data, "UTF-8", errors="ignore"))
        with pytest.raises(InvalidArgumentError):
            sess.run(tf.strings.unicode_decode(data, "UTF-8", errors="strict"))
    assert replaced.to_list() == [[97, 0xFFFD, 98], [0xFFFD]]
    assert ignored.to_list() == [[97, 98], []]


def test_unicode_script_codes_recorded_from_tf():
    # ICU UScriptCode values printed by TF 2.21's tf.strings.unicode_script.
    recorded = {72: 25, 1041: 8, 0x4E00: 17, 32: 0, 0x3042: 20, 0x0627: 2, 0x05D0: 19,
                0x0915: 10, 0x0E01: 38, 0x0370: 14, 48: 0, 0x10000: 49, -1: -1}
    with tf.Session() as sess:
        got = sess.run(tf.strings.unicode_script(list(recorded)))
    assert got.tolist() == list(recorded.values())


def _ngrams(tokens, width, sep=" ", pad=None, pad_width=None):
    if pad is not None:
        k = width - 1 if pad_width is None else min(pad_width, width - 1)
        tokens = [pad] * k + tokens + [pad] * k
    return [sep.join(tokens[i:i + width]) for i in range(len(tokens) - width + 1)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcd"), max_size=5), min_size=1, max_size=4),
       st.integers(1, 3), st.sampled_from([None, "#"]))
def test_ngrams_match_reference(rows, width, pad):
    tf.reset_default_graph()
    data = tf.ragged.constant(rows, dtype=tf.string) if any(rows) else \
        tf.RaggedTensor.from_row_lengths(tf.zeros([0], tf.string), [0] * len(rows))
    with tf.Session() as sess:
        got = sess.run(tf.strings.ngrams(data, width, pad_values=pad)).to_list()
    expected = [[g.encode() for g in _ngrams(r, width, pad=pad)] for r in rows]
    assert got == expected


def test_bytes_split_and_ragged_split_shapes():
    with tf.Session() as sess:
        assert sess.run(tf.strings.bytes_split(["hé", ""])).to_list() == [
            [b"h", b"\xc3", b"\xa9"], []]
        nested = tf.strings.split([["a b", ""], ["c", "d e f"]], result_type="RaggedTensor")
        assert nested.shape.as_list() == [2, 2, None]
        assert sess.run(nested).to_list() == [[[b"a", b"b"], []], [[b"c"], [b"d", b"e", b"f"]]]
        assert sess.run(tf.strings.bytes_split("ab")).tolist() == [b"a", b"b"]


@settings(max_examples=25, deadline=None)
@given(texts)
def test_reduce_join_and_unicode_encode_invert_the_split(words):
    tf.reset_default_graph()
    words = [w.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for w in words]
    data = [w.encode() for w in words]
    chars = tf.strings.unicode_split(data, "UTF-8")
    codes = tf.strings.unicode_decode(data, "UTF-8")
    with tf.Session() as sess:
        joined = sess.run(tf.strings.reduce_join(chars, axis=1))
        encoded = sess.run(tf.strings.unicode_encode(codes, "UTF-8"))
        lengths = sess.run(tf.strings.length(chars)).to_list()
    assert joined.tolist() == data
    assert encoded.tolist() == data
    assert lengths == [[len(c.encode()) for c in w] for w in words]
