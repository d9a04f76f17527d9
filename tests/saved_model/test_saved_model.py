"""TF1 SavedModels: tfcompat loads TensorFlow's export and writes one TensorFlow runs the same
(expectations recorded by ``saved_model_oracle.py``)."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest

import tfcompat as tf
from tests.saved_model import saved_model_oracle as oracle
from tfcompat.protobuf.saved_model_pb2 import SavedModel

ORACLE = json.loads(oracle.DATA_PATH.read_text())


def assert_same_runs(actual: list[dict], expected: list[dict]) -> None:
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected):
        assert got["tags"] == want["tags"]
        assert got["signatures"] == want["signatures"]
        assert sorted(got["outputs"]) == sorted(want["outputs"])
        for key, outputs in want["outputs"].items():
            for name, value in outputs.items():
                if value and isinstance(np.asarray(value).flat[0], str):
                    assert got["outputs"][key][name] == value
                else:
                    np.testing.assert_allclose(got["outputs"][key][name], value, rtol=1e-6)


@pytest.fixture
def vocab_path(tmp_path):
    path = tmp_path / "source" / "vocab.txt"
    path.parent.mkdir()
    path.write_text(oracle.VOCAB)
    return str(path)


def test_loads_and_runs_tensorflows_saved_model():
    # The fixture's asset points at a deleted file: the loader must feed assets/vocab.txt.
    assert_same_runs(oracle.describe_and_run(tf, str(oracle.FIXTURE_DIR)), ORACLE["tf_runs_tf"])


def test_own_export_runs_as_tensorflow_ran_it(tmp_path, vocab_path):
    export_dir = str(tmp_path / "export")
    oracle.export(tf, export_dir, vocab_path)
    os.remove(vocab_path)
    assert sorted(os.listdir(export_dir)) == ["assets", "saved_model.pb", "variables"]
    assert os.listdir(os.path.join(export_dir, "assets")) == ["vocab.txt"]
    assert sorted(os.listdir(os.path.join(export_dir, "variables"))) == [
        "variables.data-00000-of-00001", "variables.index"]
    assert_same_runs(oracle.describe_and_run(tf, export_dir), ORACLE["tf_runs_tfcompat"])


def test_tensorflows_saved_model_proto_round_trips():
    data = (oracle.FIXTURE_DIR / "saved_model.pb").read_bytes()
    proto = SavedModel.FromString(data)
    assert proto.saved_model_schema_version == 1
    assert [list(m.meta_info_def.tags) for m in proto.meta_graphs] == [["serve"],
                                                                       ["train", "serve"]]
    # Fields tfcompat does not model (the stripped op list) are kept, though written last.
    again = proto.SerializeToString()
    assert len(again) == len(data)
    assert SavedModel.FromString(again) == proto


def test_export_layout_matches_tensorflows(tmp_path, vocab_path):
    export_dir = str(tmp_path / "export")
    oracle.export(tf, export_dir, vocab_path)
    ours = SavedModel.FromString(open(os.path.join(export_dir, "saved_model.pb"), "rb").read())
    theirs = SavedModel.FromString((oracle.FIXTURE_DIR / "saved_model.pb").read_bytes())
    for mine, tfs in zip(ours.meta_graphs, theirs.meta_graphs):
        assert mine.saver_def == tfs.saver_def
        assert set(mine.collection_def) >= {"saved_model_main_op", "saved_model_assets",
                                            "variables", "local_variables"}
        for key in ("saved_model_main_op", "saved_model_assets", "variables",
                    "local_variables", "trainable_variables", "asset_filepaths",
                    "table_initializer"):
            assert mine.collection_def[key] == tfs.collection_def[key], key
        assert mine.signature_def == tfs.signature_def


def graph_with_variable():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    return x, w, tf.matmul(x, w, name="y")


def test_simple_save_and_load(tmp_path):
    export_dir = str(tmp_path / "simple")
    with tf.Graph().as_default():
        x, w, y = graph_with_variable()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(w.assign([[3.0], [-1.0]]))
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    assert tf.saved_model.contains_saved_model(export_dir)
    assert tf.saved_model.loader.maybe_saved_model_directory(export_dir)
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.SERVING], export_dir)
        signature = meta.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        assert signature.method_name == tf.saved_model.PREDICT_METHOD_NAME
        y = tf.saved_model.utils.get_tensor_from_tensor_info(signature.outputs["y"])
        x = tf.saved_model.get_tensor_from_tensor_info(signature.inputs["x"], sess.graph)
        np.testing.assert_allclose(sess.run(y, {x: [[1.0, 1.0]]}), [[2.0]])


def test_builder_errors(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "file").write_text("x")
    with pytest.raises(AssertionError, match="already exists, and isn't empty"):
        tf.saved_model.Builder(str(tmp_path / "full"))
    with tf.Graph().as_default():
        graph_with_variable()
        builder = tf.saved_model.builder.SavedModelBuilder(str(tmp_path / "new"))
        with pytest.raises(AssertionError, match="has not been saved yet"):
            builder.add_meta_graph(["serve"])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            with pytest.raises(TypeError, match="to be an Operation but got type"):
                builder.add_meta_graph_and_variables(sess, ["serve"], main_op="init")
            builder.add_meta_graph_and_variables(sess, ["serve"])
            with pytest.raises(AssertionError, match="has already been saved"):
                builder.add_meta_graph_and_variables(sess, ["serve"])


def test_loader_errors(tmp_path):
    with tf.Session() as sess:
        with pytest.raises(OSError, match="SavedModel file does not exist at: "):
            tf.saved_model.load(sess, ["serve"], str(tmp_path))
        with pytest.raises(RuntimeError, match=r"with tags 'a', 'b' could not be found in "
                           r"SavedModel, with available tags '\[\{'serve'\}, "):
            tf.saved_model.load(sess, ["a", "b"], str(oracle.FIXTURE_DIR))


def test_text_export(tmp_path):
    export_dir = tmp_path / "text"
    with tf.Graph().as_default():
        graph_with_variable()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            builder = tf.saved_model.Builder(str(export_dir))
            builder.add_meta_graph_and_variables(sess, ["serve"])
            path = builder.save(as_text=True)
    assert path == os.fsencode(export_dir / "saved_model.pbtxt")
    text = (export_dir / "saved_model.pbtxt").read_text()
    assert text.startswith("saved_model_schema_version: 1\nmeta_graphs {\n")
    assert tf.saved_model.contains_saved_model(str(export_dir))
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve"], str(export_dir))
        assert list(meta.meta_info_def.tags) == ["serve"]
        np.testing.assert_allclose(sess.run("y:0", {"x:0": [[1.0, 1.0]]}), [[3.0]])


def test_main_op_names():
    with tf.Graph().as_default():
        tf.Variable(1.0, name="v")
        tf.global_variables_initializer()
        op = tf.saved_model.main_op.main_op()
        assert (op.name, op.type) == ("group_deps", "NoOp")
        assert [c.name for c in op.control_inputs] == ["init_1", "init_2", "init_all_tables"]
        restore = tf.no_op(name="fake_restore")
        op = tf.saved_model.main_op_with_restore(restore)
        assert op.name == "group_deps_2"
        assert [c.name for c in op.control_inputs] == ["group_deps_1", "fake_restore"]


def test_method_name_updater(tmp_path):
    export_dir = str(tmp_path / "copy")
    shutil.copytree(oracle.FIXTURE_DIR, export_dir)
    updater = tf.saved_model.signature_def_utils.MethodNameUpdater(export_dir)
    updater.replace_method_name("serving_default", "custom/method", tags=["serve"])
    with pytest.raises(ValueError, match="`signature_key` must be defined."):
        updater.replace_method_name(None, "m")
    with pytest.raises(ValueError, match="could not be found"):
        updater.replace_method_name("serving_default", "m", tags=["gpu"])
    updater.save()
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve"], export_dir)
        assert meta.signature_def["serving_default"].method_name == "custom/method"
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve", "train"], export_dir)
        assert meta.signature_def["serving_default"].method_name == (
            "tensorflow/serving/predict")


def test_save_options():
    options = tf.saved_model.SaveOptions(experimental_variable_policy="save_variable_devices")
    policy = tf.saved_model.experimental.VariablePolicy
    assert options.experimental_variable_policy is policy.SAVE_VARIABLE_DEVICES
    assert tf.saved_model.SaveOptions().experimental_variable_policy is policy.NONE
    with pytest.raises(ValueError, match="invalid VariablePolicy"):
        tf.saved_model.SaveOptions(experimental_variable_policy="bad")


def test_object_based_api_is_named_as_unsupported():
    with pytest.raises(Exception, match="tf.saved_model.load_v2"):
        tf.saved_model.load_v2  # noqa: B018 - the attribute access is the test
