"""Damaged checkpoints and interrupted saves (TF 2.21 measured on the same files):
a truncated or corrupted index -> DataLossError, a corrupted data file -> DataLossError
(checksum), a truncated data file -> OutOfRangeError ("Read less bytes than requested"), a
missing index -> ValueError/NotFoundError; never a Python error from a parser. A Save
interrupted by KeyboardInterrupt never leaves a torn checkpoint; a save that cannot write
leaves no ``checkpoint`` state file pointing at a missing checkpoint."""

from __future__ import annotations

import _thread
import os
import random
import threading
import time

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.training.checkpoint import atomic


@pytest.fixture
def saved(tmp_path):
    v = tf.Variable(np.arange(1000, dtype=np.float32), name="v")
    s = tf.Variable("hello", name="s")
    saver = tf.train.Saver()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    prefix = saver.save(sess, str(tmp_path / "m"))
    return saver, sess, prefix, v, s


def _files(prefix):
    return prefix + ".index", prefix + ".data-00000-of-00001"


def _restore_outcome(saver, sess, prefix, v):
    try:
        saver.restore(sess, prefix)
    except tf.errors.OpError as e:
        return type(e)
    return float(sess.run(v)[5])


@pytest.mark.parametrize("cut", [0, 10, 70, -1])
def test_truncated_index_is_data_loss(saved, cut):
    saver, sess, prefix, v, _ = saved
    index, _ = _files(prefix)
    data = open(index, "rb").read()
    open(index, "wb").write(data[:cut])
    assert _restore_outcome(saver, sess, prefix, v) is tf.errors.DataLossError
    with pytest.raises(tf.errors.DataLossError):
        tf.train.NewCheckpointReader(prefix)


def test_corrupted_data_is_data_loss_and_truncated_data_out_of_range(saved):
    saver, sess, prefix, v, _ = saved
    _, data_file = _files(prefix)
    data = open(data_file, "rb").read()
    open(data_file, "wb").write(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    assert _restore_outcome(saver, sess, prefix, v) is tf.errors.DataLossError
    open(data_file, "wb").write(data[:1995])
    assert _restore_outcome(saver, sess, prefix, v) is tf.errors.OutOfRangeError
    open(data_file, "wb").write(data)
    assert _restore_outcome(saver, sess, prefix, v) == 5.0


def test_random_damage_never_escapes_as_a_python_error(saved):
    saver, sess, prefix, v, _ = saved
    rng = random.Random(0)
    for path in _files(prefix):
        original = open(path, "rb").read()
        for _ in range(60):
            damaged = bytearray(original)
            if rng.random() < 0.3:
                damaged = damaged[:rng.randrange(len(damaged))]
            else:
                for _ in range(rng.randint(1, 4)):
                    damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
            open(path, "wb").write(bytes(damaged))
            outcome = _restore_outcome(saver, sess, prefix, v)
            assert outcome == 5.0 or issubclass(outcome, tf.errors.OpError), outcome
            try:
                reader = tf.train.NewCheckpointReader(prefix)
                reader.get_tensor("v")
            except tf.errors.OpError:
                pass
        open(path, "wb").write(original)


def test_missing_files(saved):
    saver, sess, prefix, v, _ = saved
    index, data_file = _files(prefix)
    os.rename(data_file, data_file + ".away")
    assert _restore_outcome(saver, sess, prefix, v) is tf.errors.NotFoundError
    os.rename(data_file + ".away", data_file)
    os.remove(index)
    with pytest.raises(ValueError, match="The passed save_path is not a valid checkpoint"):
        saver.restore(sess, prefix)
    with pytest.raises(tf.errors.NotFoundError, match="Failed to find any matching files"):
        tf.train.NewCheckpointReader(prefix)


def test_garbage_state_file_means_no_checkpoint(tmp_path):
    # TF: unparsable text -> None (with a warning); binary garbage -> TF raises
    # UnicodeDecodeError from its parser, tfcompat returns None (better: keep); an empty
    # state -> ValueError "Invalid checkpoint state loaded from <dir>".
    for content in (b"garbage {", b"\xff\xfe\x00"):
        (tmp_path / "checkpoint").write_bytes(content)
        assert tf.train.latest_checkpoint(str(tmp_path)) is None
    (tmp_path / "checkpoint").write_bytes(b"")
    with pytest.raises(ValueError, match="Invalid checkpoint state loaded from"):
        tf.train.latest_checkpoint(str(tmp_path))


def test_keyboard_interrupt_mid_save_never_tears_a_checkpoint(tmp_path):
    # TF: 0 of 40 interrupted saves to one prefix left a checkpoint that does not restore.
    v = tf.Variable(np.zeros([20000], np.float32), name="v")
    value = tf.placeholder(tf.float32, [20000])
    set_v = tf.assign(v, value)
    saver = tf.train.Saver()
    sess = tf.Session()
    prefix = str(tmp_path / "m")
    sess.run(set_v, {value: np.zeros([20000])})
    saver.save(sess, prefix)
    rng = random.Random(1)
    interrupted = 0
    on_disk = 0.0
    for attempt in range(1, 41):
        sess.run(set_v, {value: np.full([20000], attempt)})
        timer = threading.Timer(rng.uniform(0, 0.004), _thread.interrupt_main)
        try:
            timer.start()
            saver.save(sess, prefix)
            time.sleep(0.01)  # let a late interrupt land here rather than in the check
        except KeyboardInterrupt:
            interrupted += 1
        finally:
            timer.cancel()
        restored = tf.Session()
        saver.restore(restored, prefix)
        got = restored.run(v)
        # All old or all new: never new data beside an old index.
        assert got.min() == got.max() and got[0] in (on_disk, attempt)
        on_disk = got[0]
    assert interrupted > 0
    assert not [f for f in os.listdir(tmp_path) if "tempstate" in f]


def test_unwritable_directory_leaves_no_dangling_state(saved, monkeypatch):
    # TF: a save into a read-only directory raises PermissionDenied/NotFound... and leaves no
    # `checkpoint` file naming the checkpoint it could not write. (Simulated: tests run as
    # root, for whom directory permissions do not apply.)
    saver, sess, prefix, v, _ = saved
    directory = os.path.dirname(prefix)
    state_before = open(os.path.join(directory, "checkpoint")).read()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(tf.errors.PermissionDeniedError):
        saver.save(sess, os.path.join(directory, "other"), global_step=3)
    monkeypatch.undo()
    assert open(os.path.join(directory, "checkpoint")).read() == state_before
    assert tf.train.latest_checkpoint(directory) == prefix
    assert not [f for f in os.listdir(directory) if f.startswith("other")]


def test_failed_rename_leaves_no_temporaries(saved, monkeypatch):
    saver, sess, prefix, v, _ = saved
    directory = os.path.dirname(prefix)
    real_replace = os.replace

    def refuse_index(source, target):
        if target.endswith(".index"):
            raise PermissionError(13, "Permission denied")
        return real_replace(source, target)
    monkeypatch.setattr(atomic.os, "replace", refuse_index)
    with pytest.raises(tf.errors.PermissionDeniedError):
        saver.save(sess, os.path.join(directory, "other"))
    monkeypatch.undo()
    assert not [f for f in os.listdir(directory) if "tempstate" in f]
    assert tf.train.latest_checkpoint(directory) == prefix
