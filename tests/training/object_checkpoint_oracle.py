"""Object-based checkpoints (``tf.train.Checkpoint``) recorded from TensorFlow 2.21, and what
TensorFlow restores from tfcompat's.

Re-record with the oracle (tfcompat runs in its own interpreter, ``$TFCOMPAT_PYTHON``)::

    TF_USE_LEGACY_KERAS=1 TFCOMPAT_PYTHON=/opt/dev/bin/python \
        /opt/tfvenv/bin/python tests/training/object_checkpoint_oracle.py

It writes

- ``data/object_checkpoint/tf/``: TensorFlow's ``Checkpoint.save`` of ``build_model`` after two
  training steps (``ckpt-1.index``, ``ckpt-1.data-00000-of-00001``, ``checkpoint``);
- ``data/object_checkpoint_oracle.json``:
  - ``tf_values``: every checkpoint key's value as TensorFlow reads its own file;
  - ``tf_reads_tfcompat``: tfcompat trains and saves the same program; TensorFlow restores that
    checkpoint into its own ``build_model`` graph (``assert_consumed`` passing) and records each
    variable's value by name, plus the SHA-256 of every file tfcompat wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
FIXTURE_DIR = HERE / "data" / "object_checkpoint" / "tf"
DATA_PATH = HERE / "data" / "object_checkpoint_oracle.json"
REPO_ROOT = HERE.parent.parent
FILES = ("ckpt-1.index", "ckpt-1.data-00000-of-00001", "checkpoint")


def build_model(tf):
    """A dense + batch-norm model trained by Momentum, with a list and a dict of extra
    variables, tracked by one Checkpoint. Returns (checkpoint, train_op)."""
    tf.set_random_seed(11)
    x = tf.constant(np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3))
    dense = tf.layers.Dense(2, name="dense")
    norm = tf.layers.BatchNormalization(name="bn")
    hidden = norm(dense(x), training=True)
    scale = tf.Variable([1.5, -0.5], name="scale")
    offset = tf.get_variable("offset", [2], initializer=tf.constant_initializer(0.25))
    loss = tf.reduce_mean(tf.square(hidden * scale + offset - 1.0))
    step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(0.05, 0.9)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train = optimizer.minimize(loss, global_step=step)
    ckpt = tf.train.Checkpoint(dense=dense, bn=norm, extras=[scale, {"offset": offset}],
                               optimizer=optimizer, step=step)
    return ckpt, train


def train_and_save(tf, directory: str) -> str:
    ckpt, train = build_model(tf)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        sess.run(train)
        return ckpt.save(os.path.join(directory, "ckpt"), session=sess)


def values_by_key(tf, prefix: str) -> dict[str, list]:
    reader = tf.train.load_checkpoint(prefix)
    return {name: np.asarray(reader.get_tensor(name)).tolist()
            for name, _ in tf.train.list_variables(prefix)
            if name != "_CHECKPOINTABLE_OBJECT_GRAPH"}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tfcompat_write(directory: str) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    import tfcompat as tf

    train_and_save(tf, directory)


def record() -> None:
    import tensorflow as tf_module

    tf = tf_module.compat.v1
    tf.disable_v2_behavior()
    shutil.rmtree(FIXTURE_DIR, ignore_errors=True)
    FIXTURE_DIR.mkdir(parents=True)
    with tf.Graph().as_default():
        prefix = train_and_save(tf, str(FIXTURE_DIR))
    result = {"tf_values": values_by_key(tf, prefix)}
    with tempfile.TemporaryDirectory() as directory:
        python = os.environ.get("TFCOMPAT_PYTHON", "python3")
        subprocess.run([python, __file__, "--tfcompat-write", directory], check=True,
                       cwd=REPO_ROOT)
        with tf.Graph().as_default():
            ckpt, _ = build_model(tf)
            with tf.Session() as sess:
                status = ckpt.restore(os.path.join(directory, "ckpt-1"))
                status.assert_consumed()
                status.run_restore_ops(sess)
                restored = {v.op.name: np.asarray(sess.run(v)).tolist()
                            for v in tf.global_variables()}
        result["tf_reads_tfcompat"] = {
            "values": restored,
            "sha256": {name: sha256_of(Path(directory) / name) for name in FILES},
        }
    DATA_PATH.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tfcompat-write"]:
        tfcompat_write(sys.argv[2])
    else:
        record()
