"""TF1 SavedModels recorded from TensorFlow 2.21, and what TensorFlow computes from tfcompat's.

Re-record with the oracle (tfcompat runs in its own interpreter, ``$TFCOMPAT_PYTHON``)::

    TFCOMPAT_PYTHON=/opt/dev/bin/python /opt/tfvenv/bin/python \
        tests/saved_model/saved_model_oracle.py

It writes

- ``data/tf_saved_model/``: TensorFlow's ``SavedModelBuilder`` export of ``build_model`` (two
  meta graphs, an asset vocabulary, a SparseTensor input, a legacy init op initializing a
  lookup table and a local variable, predict/classify/regress signatures), variables changed
  after initialization;
- ``data/saved_model_oracle.json``:
  - ``tf_runs_tf``: what TensorFlow's loader returns for that export: each meta graph's tags,
    signatures (method name, inputs and outputs with tensor names, dtypes and shapes), and the
    values of every predict signature's outputs for ``FEEDS``;
  - ``tf_runs_tfcompat``: the same, with TensorFlow loading tfcompat's export of the same
    program.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
FIXTURE_DIR = HERE / "data" / "tf_saved_model"
DATA_PATH = HERE / "data" / "saved_model_oracle.json"
REPO_ROOT = HERE.parent.parent
VOCAB = "neg\npos\nmid\n"
FEEDS = {
    "x:0": [[1.0, -2.0, 0.5], [0.0, 0.25, 3.0]],
    "words:0": ["pos", "unknown", "mid", "neg"],
    "sp/indices:0": [[0, 0], [1, 2], [2, 1]],
    "sp/values:0": [2.0, -1.0, 0.5],
    "sp/shape:0": [3, 3],
}
TAG_SETS = (["serve"], ["train", "serve"])


def build_model(tf, vocab_path: str):
    """A dense softmax classifier, a vocabulary table and a local counter. Returns
    (signature_def_map, legacy_init_op, asset tensors, assign op changing the weights)."""
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    words = tf.placeholder(tf.string, [None], name="words")
    weights = tf.Variable(np.arange(6, dtype=np.float32).reshape(3, 2) / 4.0, name="weights")
    bias = tf.get_variable("bias", [2], initializer=tf.constant_initializer(0.5))
    counter = tf.Variable(7.0, name="counter", trainable=False,
                          collections=[tf.GraphKeys.LOCAL_VARIABLES])
    logits = tf.add(tf.matmul(x, weights), bias, name="logits")
    probs = tf.nn.softmax(logits, name="probs")
    scaled = tf.multiply(logits, counter, name="scaled")
    path = tf.constant(vocab_path, name="vocab_path")
    table = tf.lookup.StaticHashTable(
        tf.lookup.TextFileInitializer(path, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE,
                                      tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER), -1)
    ids = tf.identity(table.lookup(words), name="ids")
    sparse = tf.sparse_placeholder(tf.float32, [None, 3], name="sp")
    sparse_logits = tf.sparse_tensor_dense_matmul(sparse, weights)
    classes = tf.constant(["neg", "pos"], name="class_names")
    sig = tf.saved_model.signature_def_utils
    signatures = {
        "serving_default": sig.predict_signature_def({"x": x}, {"probs": probs,
                                                               "scaled": scaled}),
        "lookup": sig.predict_signature_def({"words": words}, {"ids": ids}),
        "sparse": sig.predict_signature_def({"sp": sparse}, {"logits": sparse_logits}),
        "classify": sig.classification_signature_def(words, classes, probs),
        "regress": sig.regression_signature_def(words, tf.reduce_sum(probs, name="total")),
    }
    init_op = tf.group(tf.local_variables_initializer(), tf.tables_initializer(),
                       name="legacy_init_op")
    change = tf.group(weights.assign(weights * 2.0), bias.assign([0.25, -1.0]))
    return signatures, init_op, [path], change


def export(tf, export_dir: str, vocab_path: str) -> None:
    with tf.Graph().as_default():
        signatures, init_op, assets, change = build_model(tf, vocab_path)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(change)
            builder = tf.saved_model.Builder(export_dir)
            builder.add_meta_graph_and_variables(sess, TAG_SETS[0],
                                                 signature_def_map=signatures,
                                                 assets_collection=assets,
                                                 legacy_init_op=init_op)
            builder.add_meta_graph(TAG_SETS[1], signature_def_map={
                "serving_default": signatures["serving_default"]})
            builder.save()


def _shape(info) -> list | None:
    if info.tensor_shape.unknown_rank:
        return None
    return [d.size for d in info.tensor_shape.dim]


def _tensor_names(info) -> list[str]:
    if info.WhichOneof("encoding") == "coo_sparse":
        coo = info.coo_sparse
        return [coo.indices_tensor_name, coo.values_tensor_name, coo.dense_shape_tensor_name]
    return [info.name]


def _infos(infos) -> dict:
    return {key: {"names": _tensor_names(info), "dtype": int(info.dtype),
                  "shape": _shape(info)}
            for key, info in sorted(infos.items())}


def _plain(value):
    value = np.asarray(value)
    if value.dtype.kind in "OS":
        return [v.decode() if isinstance(v, bytes) else v for v in value.reshape(-1)]
    return value.tolist()


def describe_and_run(tf, export_dir: str) -> list[dict]:
    """Per tag set: the loaded meta graph's signatures and its predict signatures' outputs."""
    result = []
    for tags in TAG_SETS:
        with tf.Graph().as_default(), tf.Session() as sess:
            meta = tf.saved_model.load(sess, tags, export_dir)
            signatures, outputs = {}, {}
            for key, signature in sorted(meta.signature_def.items()):
                signatures[key] = {"method_name": signature.method_name,
                                   "inputs": _infos(signature.inputs),
                                   "outputs": _infos(signature.outputs)}
                if signature.method_name != "tensorflow/serving/predict":
                    continue
                feed = {name: FEEDS[name] for info in signature.inputs.values()
                        for name in _tensor_names(info)}
                fetches = {k: info.name for k, info in signature.outputs.items()}
                outputs[key] = {k: _plain(v) for k, v in sorted(sess.run(fetches, feed).items())}
            result.append({"tags": sorted(meta.meta_info_def.tags), "signatures": signatures,
                           "outputs": outputs})
    return result


def tfcompat_write(export_dir: str, vocab_path: str) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    import tfcompat as tf

    export(tf, export_dir, vocab_path)


def record() -> None:
    import tensorflow as tf_module

    tf = tf_module.compat.v1
    tf.disable_v2_behavior()
    shutil.rmtree(FIXTURE_DIR, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        vocab_path = os.path.join(scratch, "vocab.txt")
        Path(vocab_path).write_text(VOCAB)
        export(tf, str(FIXTURE_DIR), vocab_path)
        result = {"tf_runs_tf": describe_and_run(tf, str(FIXTURE_DIR))}
        export_dir = os.path.join(scratch, "tfcompat_export")
        python = os.environ.get("TFCOMPAT_PYTHON", "python3")
        subprocess.run([python, __file__, "--tfcompat-write", export_dir, vocab_path],
                       check=True, cwd=REPO_ROOT)
        result["tf_runs_tfcompat"] = describe_and_run(tf, export_dir)
    DATA_PATH.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tfcompat-write"]:
        tfcompat_write(sys.argv[2], sys.argv[3])
    else:
        record()
