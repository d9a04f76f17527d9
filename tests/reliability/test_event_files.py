"""Damaged event files and killed writers (TF 2.21 measured on the same files): a cut-short
record -> DataLossError "truncated record at <offset>"; a corrupted length or body ->
DataLossError "corrupted record at <offset>"; a record claiming 2**40 bytes -> DataLossError
(TF segfaults here; tfcompat does better); a missing file -> NotFoundError. What a writer
flushed before it was killed is readable."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import tfcompat as tf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def event_file(tmp_path):
    writer = tf.summary.FileWriter(str(tmp_path))
    for i in range(5):
        writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=float(i))]),
                           i)
    writer.close()
    (name,) = os.listdir(tmp_path)
    path = tmp_path / name
    return path, path.read_bytes()


def _events(path):
    return [(e.step, len(e.summary.value)) for e in tf.train.summary_iterator(str(path))]


def test_intact_file(event_file):
    path, _ = event_file
    assert _events(path) == [(0, 0), (0, 1), (1, 1), (2, 1), (3, 1), (4, 1)]


@pytest.mark.parametrize("content, message", [
    (lambda b: b[:-1], "truncated record at 232"),
    (lambda b: b[:-5], "truncated record at 232"),
    (lambda b: b[:13], "truncated record at 0"),
    (lambda b: bytes([b[0] ^ 1]) + b[1:], "corrupted record at 0"),
    (lambda b: b[:20] + bytes([b[20] ^ 0xFF]) + b[21:], "corrupted record at 12"),
    (lambda b: (2 ** 40).to_bytes(8, "little") + b[8:], "corrupted record at 0"),
    (lambda b: b[:-2] + bytes([b[-2] ^ 0xFF]) + b[-1:], "corrupted record at 244"),
])
def test_damage_is_data_loss(event_file, content, message):
    path, original = event_file
    path.write_bytes(content(original))
    with pytest.raises(tf.errors.DataLossError, match=message):
        _events(path)


def test_cut_short_header_ends_iteration(event_file):
    path, original = event_file
    path.write_bytes(original[:6])  # TF: no events, no error
    assert _events(path) == []


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(tf.errors.NotFoundError, match="No such file or directory"):
        _events(tmp_path / "nope")


def test_random_damage_never_escapes_as_a_python_error(event_file):
    path, original = event_file
    rng = random.Random(0)
    for _ in range(200):
        damaged = bytearray(original)
        if rng.random() < 0.3:
            damaged = damaged[:rng.randrange(len(damaged))]
        else:
            for _ in range(rng.randint(1, 3)):
                damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(damaged))
        try:
            _events(path)
        except tf.errors.DataLossError:
            pass


_KILLED_WRITER = """
import os, signal, sys
import tfcompat as tf
writer = tf.summary.FileWriter(sys.argv[1], flush_secs=3600)
for i in range(20):
    writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag='x', simple_value=i)]), i)
writer.flush()
for i in range(20, 25):
    writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag='x', simple_value=i)]), i)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_writer_leaves_what_it_flushed_readable(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], env=env,
                          timeout=120)
    assert done.returncode == -9
    (name,) = os.listdir(tmp_path)
    steps = [step for step, count in _events(tmp_path / name) if count]
    assert steps[:20] == list(range(20))  # flushed; the 5 after the flush may be lost
