"""The block reader of TFRecordDataset against the one-record-at-a-time reader."""

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.data import tfrecord_reader
from tfcompat.framework import errors
from tfcompat.lib.io import crc32c, tfrecord


def _write(path, records, compression=None):
    with tfrecord.TFRecordWriter(path, compression) as w:
        for r in records:
            w.write(r)


def _outcome(reader, path):
    out = []
    try:
        for r in reader(path):
            out.append(r)
    except errors.DataLossError as e:
        return out, (type(e), e.message)
    return out, None


@settings(max_examples=30, deadline=None)
@given(lengths=st.lists(st.one_of(st.integers(0, 9), st.integers(10, 300),
                                  st.integers(16000, 40000)), max_size=12),
       seed=st.integers(0, 1000))
def test_masked_crcs_match_the_scalar_crc(lengths, seed):
    rng = np.random.RandomState(seed)
    records = [rng.bytes(n) for n in lengths]
    buffer = b"".join(records)
    starts = np.cumsum([0] + lengths[:-1]).astype(np.int64) if lengths else np.zeros(0, int)
    got = tfrecord_reader.masked_crcs(buffer, starts, np.asarray(lengths, dtype=np.int64))
    assert got.tolist() == [crc32c.masked_crc32c(r) for r in records]


@pytest.mark.parametrize("compression", [None, "GZIP", "ZLIB"])
def test_same_records_across_blocks(tmp_path, monkeypatch, compression):
    monkeypatch.setattr(tfrecord_reader, "_BLOCK", 100)  # records straddle blocks
    rng = np.random.RandomState(1)
    records = [rng.bytes(int(n)) for n in rng.randint(0, 260, size=50)] + [b"x" * 20000]
    path = str(tmp_path / "r.tfrecord")
    _write(path, records, compression)
    assert list(tfrecord_reader.read_records(path, compression or "")) == records


@settings(max_examples=40, deadline=None)
@given(position=st.integers(0, 10_000), cut=st.booleans(), seed=st.integers(0, 50))
def test_corruption_reported_as_the_scalar_reader(tmp_path_factory, position, cut, seed):
    rng = np.random.RandomState(seed)
    records = [rng.bytes(int(n)) for n in rng.randint(0, 120, size=40)]
    path = str(tmp_path_factory.mktemp("c") / "r.tfrecord")
    _write(path, records)
    data = bytearray(open(path, "rb").read())
    position %= len(data)
    if cut:
        data = data[:position]
    else:
        data[position] ^= 0x5A
    with open(path, "wb") as f:
        f.write(bytes(data))
    assert _outcome(lambda p: tfrecord_reader.read_records(p), path) == \
        _outcome(lambda p: tfrecord.read_records(p), path)
    os.remove(path)
