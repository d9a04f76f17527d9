"""CheckpointManager options whose TF behaviour depends on the clock or on steps, checked by
their documented rules (the TF-recorded cases are in conformance/cases/checkpoint2)."""

from __future__ import annotations

import os

import pytest

import tfcompat as tf


@pytest.fixture
def session():
    with tf.Graph().as_default(), tf.Session() as sess, sess.as_default():
        yield sess


def test_checkpoint_interval_skips_saves_until_enough_steps(session, tmp_path):
    step = tf.train.get_or_create_global_step()
    ckpt = tf.train.Checkpoint(step=step)
    manager = tf.train.CheckpointManager(ckpt, str(tmp_path), max_to_keep=None,
                                         step_counter=step, checkpoint_interval=3)
    increment = tf.assign_add(step, 1)
    session.run(step.initializer)
    saved = []
    for _ in range(7):
        saved.append(manager.save() is not None)
        session.run(increment)
    assert saved == [True, False, False, True, False, False, True]
    assert manager.save(check_interval=False) is not None
    assert len(manager.checkpoints) == 4


def test_keep_every_n_hours_preserves_old_checkpoints(session, tmp_path, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("time.time", lambda: clock[0])
    ckpt = tf.train.Checkpoint(v=tf.Variable(1.0))
    session.run(tf.global_variables_initializer())
    manager = tf.train.CheckpointManager(ckpt, str(tmp_path), max_to_keep=1,
                                         keep_checkpoint_every_n_hours=1)
    paths = []
    for _ in range(4):
        clock[0] += 1800.0  # half an hour per save
        paths.append(manager.save())
    # Kept on disk: the newest (managed) and one preserved per elapsed hour.
    kept = sorted(p for p in paths if os.path.exists(p + ".index"))
    assert manager.checkpoints == [paths[-1]]
    assert paths[1] in kept and paths[-1] in kept and paths[0] not in kept
