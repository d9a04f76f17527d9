"""Checkpoints recorded from TensorFlow 2.21, and what TensorFlow reads from tfcompat's.

Re-record with the oracle::

    /opt/tfvenv/bin/python tests/training/saver_oracle.py

It writes

- ``data/saver/tf/``: TensorFlow's checkpoint of ``build_model`` (``Saver().save(sess, 'model',
  global_step=7, write_meta_graph=False)``): ``model-7.index``, ``model-7.data-00000-of-00001``
  and the ``checkpoint`` state file;
- ``data/saver_oracle.json``:
  - ``tf_values``: the model's values as TensorFlow reads them back from its own checkpoint;
  - ``large_tables``: SHA-256s of bundles too large to commit (multi-block index tables),
    written by TF's SaveV2 from ``large_bundle_tensors``;
  - ``tf_reads_tfcompat``: tfcompat (run as ``$TFCOMPAT_PYTHON``, default ``python3``) saves
    ``build_model`` with a ``.meta``; TensorFlow then restores it with ``Saver.restore``, imports
    the ``.meta`` with ``import_meta_graph`` and restores through the imported saver, and reads it
    with ``NewCheckpointReader``. Recorded: the values, the imported variable names and SaverDef,
    ``debug_string``, and the SHA-256s of the files tfcompat wrote.
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
FIXTURE_DIR = HERE / "data" / "saver" / "tf"
DATA_PATH = HERE / "data" / "saver_oracle.json"
REPO_ROOT = HERE.parent.parent
CHECKPOINT_FILES = ("model-7.index", "model-7.data-00000-of-00001", "checkpoint")


def build_model(tf) -> None:
    """Variables of every dtype a checkpoint stores, with known values."""
    with tf.variable_scope("layer"):
        tf.get_variable("w", initializer=np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
        tf.get_variable("b", initializer=np.array([0.5, -1.25, 3.0]))
    tf.Variable(np.int64(7), name="global_step", trainable=False)
    tf.Variable([True, False], name="flags")
    tf.Variable([b"ab", b"", "\u00e9".encode()], name="names")
    tf.Variable(b"checkpoint title", name="title")
    tf.Variable(np.array([1.5, -2.0], np.float16), name="half")
    for dtype in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "uint64"):
        tf.Variable(np.array([3, 100], dtype=dtype), name=dtype)
    tf.Variable(np.array([1 + 2j, -0.5j], np.complex64), name="c64")
    tf.Variable(np.complex128(3 - 4j), name="c128")
    tf.Variable(np.zeros([0, 3], np.float32), name="empty")
    tf.Variable(np.array([1.0, 3.140625, -0.5], np.float32), dtype=tf.bfloat16, name="bf16")


def describe(value) -> dict:
    """A JSON-able exact description of a restored value (bytes as hex)."""
    value = np.asarray(value)
    if value.dtype == object:
        content = [bytes(v).hex() for v in value.reshape(-1)]
    else:
        if value.dtype.name == "bfloat16":  # TF's numpy type: keep the upper float32 half
            value = value.astype(np.float32)
        content = np.ascontiguousarray(value).tobytes().hex()
    return {"shape": list(value.shape), "content": content}


def large_bundle_tensors() -> dict[str, list[tuple[str, np.ndarray]]]:
    """Bundles whose index spans several 256 KiB data blocks (keys long and dissimilar)."""
    long_keys = [hashlib.sha256(str(i).encode()).hexdigest() * 16 for i in range(300)]
    return {
        "long_keys": [(key, np.float32(i)) for i, key in enumerate(long_keys)],
        "many_keys": [(f"var{i:06d}", np.int32(i)) for i in range(15000)],
    }


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_with_tfcompat(directory: str) -> None:
    """Runs tfcompat in its own interpreter: save build_model to ``directory/model-7``."""
    python = os.environ.get("TFCOMPAT_PYTHON", "python3")
    subprocess.run([python, __file__, "--tfcompat-write", directory], check=True,
                   cwd=REPO_ROOT)


def tfcompat_write(directory: str) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    import tfcompat as tf
    from tfcompat.training.saver import Saver

    build_model(tf)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        os.chdir(directory)
        Saver().save(sess, "model", global_step=7)


# TF's checkpoint protos, by the qualified name tfcompat gives them.
DESCRIBED_MESSAGES = ("BundleHeaderProto", "BundleEntryProto", "TensorSliceProto",
                      "TensorSliceProto.Extent", "CheckpointState")


def _field_descriptions(descriptor) -> dict:
    """Per field: number, protobuf type code, repeated, oneof, message type, enum values."""
    return {field.name: {
        "number": field.number, "type": field.type,
        "repeated": field.is_repeated,
        "oneof": field.containing_oneof.name if field.containing_oneof else None,
        "message_type": field.message_type.full_name if field.message_type else None,
        "enum": ({v.name: v.number for v in field.enum_type.values} if field.enum_type
                 else None),
    } for field in descriptor.fields}


def _tf_descriptors() -> dict:
    from tensorflow.core.framework import tensor_slice_pb2
    from tensorflow.core.protobuf import tensor_bundle_pb2
    from tensorflow.python.training import checkpoint_state_pb2

    found = {
        "BundleHeaderProto": tensor_bundle_pb2.BundleHeaderProto.DESCRIPTOR,
        "BundleEntryProto": tensor_bundle_pb2.BundleEntryProto.DESCRIPTOR,
        "TensorSliceProto": tensor_slice_pb2.TensorSliceProto.DESCRIPTOR,
        "TensorSliceProto.Extent": tensor_slice_pb2.TensorSliceProto.Extent.DESCRIPTOR,
        "CheckpointState": checkpoint_state_pb2.CheckpointState.DESCRIPTOR,
    }
    return {name: _field_descriptions(found[name]) for name in DESCRIBED_MESSAGES}


def _restored_values(tf, sess) -> dict:
    return {v.op.name: describe(sess.run(v)) for v in tf.global_variables()}


def record() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    result: dict = {"descriptors": _tf_descriptors()}
    # 1. TensorFlow's own checkpoint, committed as a fixture.
    shutil.rmtree(FIXTURE_DIR, ignore_errors=True)
    FIXTURE_DIR.mkdir(parents=True)
    cwd = os.getcwd()
    with tf.Graph().as_default(), tf.Session() as sess:
        build_model(tf)
        sess.run(tf.global_variables_initializer())
        os.chdir(FIXTURE_DIR)
        tf.train.Saver().save(sess, "model", global_step=7, write_meta_graph=False)
        os.chdir(cwd)
    with tf.Graph().as_default(), tf.Session() as sess:
        build_model(tf)
        tf.train.Saver().restore(sess, str(FIXTURE_DIR / "model-7"))
        result["tf_values"] = _restored_values(tf, sess)
    # 2. Large tables: only their digests.
    scratch = tempfile.mkdtemp()
    result["large_tables"] = {}
    for name, tensors in large_bundle_tensors().items():
        prefix = os.path.join(scratch, name)
        with tf.Graph().as_default(), tf.Session() as sess:
            sess.run(tf.raw_ops.SaveV2(prefix=prefix, tensor_names=[k for k, _ in tensors],
                                       shape_and_slices=[""] * len(tensors),
                                       tensors=[tf.constant(v) for _, v in tensors]))
        result["large_tables"][name] = {
            suffix: sha256_of(Path(prefix + suffix))
            for suffix in (".index", ".data-00000-of-00001")}
    # 3. TensorFlow reading what tfcompat wrote.
    written = tempfile.mkdtemp()
    _write_with_tfcompat(written)
    prefix = os.path.join(written, "model-7")
    reads: dict = {"sha256": {name: sha256_of(Path(written) / name)
                              for name in CHECKPOINT_FILES}}
    with tf.Graph().as_default(), tf.Session() as sess:
        build_model(tf)
        tf.train.Saver().restore(sess, prefix)
        reads["saver_restore"] = _restored_values(tf, sess)
    with tf.Graph().as_default(), tf.Session() as sess:
        saver = tf.train.import_meta_graph(prefix + ".meta")
        saver.restore(sess, prefix)
        reads["import_meta_graph"] = {
            "saver_def": str(saver.saver_def),
            "global_variables": [v.name for v in tf.global_variables()],
            "trainable_variables": [v.name for v in tf.trainable_variables()],
            "values": _restored_values(tf, sess),
        }
    reader = tf.train.NewCheckpointReader(prefix)
    reads["debug_string"] = reader.debug_string().decode()
    result["tf_reads_tfcompat"] = reads
    DATA_PATH.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tfcompat-write"]:
        tfcompat_write(sys.argv[2])
    else:
        record()
