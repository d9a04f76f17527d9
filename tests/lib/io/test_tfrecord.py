"""CRC-32C, masked CRCs and TFRecord framing, against known vectors and TF-written bytes."""

from __future__ import annotations

import os
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.framework import errors
from tfcompat.lib.io import crc32c as crc
from tfcompat.lib.io.tfrecord import (
    TFRecordCompressionType,
    TFRecordOptions,
    TFRecordWriter,
    encode_record,
    tf_record_iterator,
)

# tf.python_io.TFRecordWriter on TF 2.21 writing b"hello" then b"".
TF_RECORDS = (b"\x05\x00\x00\x00\x00\x00\x00\x00\xea\xb2\x04>hello\xbb\x1f\x1c\x19"
              b"\x00\x00\x00\x00\x00\x00\x00\x00)\x03\x98\x07\xd8\xea\x82\xa2")


@pytest.mark.parametrize("data,expected", [
    (b"123456789", 0xE3069283),
    (b"", 0),
    # RFC 3720 (iSCSI) B.4 test vectors.
    (bytes(32), 0x8A9136AA),
    (b"\xff" * 32, 0x62A8AB43),
    (bytes(range(32)), 0x46DD794E),
    (bytes(range(31, -1, -1)), 0x113FDB5C),
])
def test_known_vectors(data, expected):
    assert crc.crc32c(data) == expected


@settings(max_examples=25, deadline=None)
@given(st.integers(crc._NUMPY_MIN, 200_000), st.integers(0, 2 ** 32 - 1))
def test_numpy_lanes_equal_the_byte_loop(size, start):
    data = np.random.default_rng(size).integers(0, 256, size, dtype=np.uint8).tobytes()
    assert crc._update_numpy(start, data) == crc._update_python(start, data)


def test_large_buffers_in_blocks_and_continuation():
    data = os.urandom(crc._NUMPY_BLOCK * 2 + 12345)
    whole = crc.crc32c(data)
    assert whole == crc._update_python(0xFFFFFFFF, data) ^ 0xFFFFFFFF
    assert crc.crc32c(data[7:], crc.crc32c(data[:7])) == whole


@given(st.binary(max_size=64))
def test_mask_round_trip(data):
    assert crc.unmask_crc32c(crc.masked_crc32c(data)) == crc.crc32c(data)


def test_records_are_byte_identical_to_tensorflow(tmp_path):
    assert encode_record(b"hello") + encode_record(b"") == TF_RECORDS
    path = tmp_path / "r.tfrecord"
    with TFRecordWriter(str(path)) as writer:
        writer.write(b"hello")
        writer.write(b"")
    assert path.read_bytes() == TF_RECORDS
    assert list(tf_record_iterator(str(path))) == [b"hello", b""]


@pytest.mark.parametrize("options", ["GZIP", "ZLIB", 2, None, ""])
def test_compressed_round_trip(tmp_path, options):
    path = str(tmp_path / "r")
    records = [os.urandom(n) for n in (0, 1, 100, 5000)]
    with TFRecordWriter(path, options) as writer:
        for r in records:
            writer.write(r)
    assert list(tf_record_iterator(path, options)) == records


def _damaged(tmp_path, transform):
    path = tmp_path / "d"
    path.write_bytes(transform(bytearray(TF_RECORDS)))
    return str(path)


def test_reader_errors_carry_tensorflow_texts(tmp_path):
    def flip(offset):
        def f(b):
            b[offset] ^= 1
            return bytes(b)
        return f
    cases = [
        (lambda b: bytes(b[:-3]), "truncated record at 21' failed with Read less bytes than "
                                  "requested"),
        (flip(12), "corrupted record at 12"),
        (flip(0), "corrupted record at 0 (Is this even a TFRecord file?)"),
        (flip(21), "corrupted record at 21"),
    ]
    for transform, message in cases:
        with pytest.raises(errors.DataLossError) as info:
            list(tf_record_iterator(_damaged(tmp_path, transform)))
        assert str(info.value) == message
    # A partial header is a writer caught mid-record: iteration just ends.
    assert list(tf_record_iterator(_damaged(tmp_path, lambda b: bytes(b[:25])))) == [b"hello"]
    with pytest.raises(errors.NotFoundError, match="No such file or directory"):
        list(tf_record_iterator(str(tmp_path / "missing")))


def test_options_objects():
    assert TFRecordOptions.get_compression_type_string(None) == ""
    assert TFRecordOptions.get_compression_type_string(
        TFRecordOptions(TFRecordCompressionType.GZIP)) == "GZIP"
    assert TFRecordOptions.get_compression_type_string("zlib") == "ZLIB"
    with pytest.raises(ValueError, match="Unknown compression type"):
        TFRecordOptions.get_compression_type_string("LZ4")


def test_zlib_files_are_one_zlib_stream(tmp_path):
    path = str(tmp_path / "z")
    with TFRecordWriter(path, TFRecordOptions("ZLIB", compression_level=9)) as writer:
        writer.write(b"hello")
        writer.write(b"")
    assert zlib.decompress((tmp_path / "z").read_bytes()) == TF_RECORDS
