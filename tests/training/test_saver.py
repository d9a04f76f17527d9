"""tf.train.Saver and V2 checkpoints against TensorFlow 2.21.

Fixtures (``saver_oracle.py``): ``data/saver/tf/`` is TensorFlow's checkpoint of
``build_model``; ``data/saver_oracle.json`` holds the values TF reads from it, digests of large
TF-written bundles, and what TF read back from a checkpoint and ``.meta`` written by tfcompat.
Messages, paths and graphs asserted below were observed on TF 2.21.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf
from tests.training import saver_oracle as oracle
from tfcompat.framework import dtypes, errors, op_registry
from tfcompat.framework.graph_export import node_def
from tfcompat.protobuf.meta_graph_pb2 import MetaGraphDef
from tfcompat.protobuf.variable_pb2 import VariableDef
from tfcompat.training.checkpoint import bundle, meta_graph, reader, state, table
from tfcompat.training.saver import Saver

RECORDED = json.loads(oracle.DATA_PATH.read_text())
TF_PREFIX = str(oracle.FIXTURE_DIR / "model-7")

# TF's index for step (int64 scalar 3) and w (float32 [1.5, 2.5]).
SMALL_INDEX = bytes.fromhex(
    "00000608011a02080100040b7374657008091200280835b099490e0001117708011204120208022008280835"
    "769d3385000000000100000000fe81e8da000000000100000000c0f2a1b00001027800380000000001000000"
    "00af8049f03d084a0e0000000000000000000000000000000000000000000000000000000000000000000000"
    "0057fb808b247547db")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _initialized_session():
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    return sess


def _two_variables():
    step = tf.Variable(3, dtype=tf.int64, name="step")
    w = tf.Variable([1.5, 2.5], name="w")
    return step, w


def _error_first_line(fn, *args, **kwargs) -> str:
    with pytest.raises(Exception) as info:
        fn(*args, **kwargs)
    return f"{type(info.value).__name__}: {str(info.value).splitlines()[0]}"


# ---- the file format -------------------------------------------------------------------------

# protobuf's FieldDescriptor type codes of the scalar kinds tfcompat's checkpoint protos use.
_TYPE_CODES = {"double": 1, "int64": 3, "int32": 5, "fixed32": 7, "string": 9, "enum": 14}


@pytest.mark.parametrize("name", oracle.DESCRIBED_MESSAGES)
def test_checkpoint_protos_match_tf_descriptors(name):
    """TensorBoard does not ship these protos, so they are checked against TF's, recorded."""
    from tfcompat.protobuf import message

    cls = message._REGISTRY[name]
    theirs = RECORDED["descriptors"][name]
    assert sorted(theirs) == sorted(cls._fields_by_name)
    for field in cls._sorted_fields:
        other = theirs[field.name]
        assert (other["number"], other["repeated"], other["oneof"]) == (
            field.number, field.repeated, field.oneof), field.full_name
        if field.message_type is None:
            assert other["type"] == _TYPE_CODES[field.type], field.full_name
        else:
            assert other["message_type"] == "tensorflow." + field.message_type
        if field.enum is not None:
            assert other["enum"] == dict(field.enum.items())


def test_table_reads_and_rebuilds_tf_index_byte_for_byte():
    entries = table.read_table(SMALL_INDEX)
    assert [key for key, _ in entries] == [b"", b"step", b"w"]
    assert table.build_table(entries) == SMALL_INDEX


def test_table_rejects_bad_magic_and_checksums():
    with pytest.raises(table.TableError, match="bad magic"):
        table.read_table(SMALL_INDEX[:-1] + b"\x00")
    corrupted = bytearray(SMALL_INDEX)
    corrupted[5] ^= 1
    with pytest.raises(table.TableError, match="checksum"):
        table.read_table(bytes(corrupted))
    with pytest.raises(ValueError, match="increasing order"):
        table.build_table([(b"b", b""), (b"a", b"")])


@pytest.mark.parametrize("name", sorted(RECORDED["large_tables"]))
def test_multi_block_bundles_match_tf(tmp_path, name):
    tensors = oracle.large_bundle_tensors()[name]
    prefix = str(tmp_path / name)
    bundle.write_bundle(prefix, [(k, dtypes.as_dtype(v.dtype), v) for k, v in tensors])
    for suffix, digest in RECORDED["large_tables"][name].items():
        assert oracle.sha256_of(Path(prefix + suffix)) == digest
    blocks = table.data_blocks(Path(prefix + ".index").read_bytes())
    assert len(blocks) == 2 and blocks[0][2] >= table.BLOCK_SIZE - 4096
    read = bundle.BundleReader(prefix)
    assert len(read.entries) == len(tensors)
    last_key, last_value = tensors[-1]
    assert read.read(last_key) == last_value


def test_tfcompat_writes_tf_bytes_for_every_dtype(workdir):
    oracle.build_model(tf)
    Saver().save(_initialized_session(), "model", global_step=7)
    for name in oracle.CHECKPOINT_FILES:
        assert (workdir / name).read_bytes() == (oracle.FIXTURE_DIR / name).read_bytes(), name
        # The files TensorFlow read back (saver_oracle.json) are the ones tfcompat writes now.
        assert oracle.sha256_of(workdir / name) == RECORDED["tf_reads_tfcompat"]["sha256"][name]


def test_tfcompat_restores_tf_checkpoint():
    oracle.build_model(tf)
    sess = tf.Session()
    Saver().restore(sess, TF_PREFIX)
    values = {v.op.name: oracle.describe(sess.run(v)) for v in tf.global_variables()}
    assert values == RECORDED["tf_values"]


def test_tensorflow_read_tfcompat_checkpoint_and_meta_graph():
    reads = RECORDED["tf_reads_tfcompat"]
    assert reads["saver_restore"] == RECORDED["tf_values"]
    imported = reads["import_meta_graph"]
    assert imported["values"] == RECORDED["tf_values"]
    oracle.build_model(tf)
    saver = Saver()
    assert imported["global_variables"] == [v.name for v in tf.global_variables()]
    assert imported["trainable_variables"] == [v.name for v in tf.trainable_variables()]
    assert imported["saver_def"] == str(saver.saver_def)


def test_string_layout_and_corruption_errors(workdir):
    values = np.array([b"ab", b"", b"xyz"], dtype=object)
    bundle.write_bundle("s/m", [("f", dtypes.float32, np.float32([1, 2])),
                                ("s", dtypes.string, values)])
    # Data in the order added; strings as varint lengths, their masked CRC, the bytes (as TF).
    assert Path("s/m.data-00000-of-00001").read_bytes().hex() == (
        "0000803f00000040" + "0200031b428bca616278797a")
    assert bundle.BundleReader("s/m").read("s").tolist() == [b"ab", b"", b"xyz"]
    # TF 2.21 on the same bundle with its first data byte set to 1:
    bundle.write_bundle("d/m", [("a", dtypes.float32, np.arange(1, 7, dtype=np.float32)
                                 .reshape(2, 3)), ("b", dtypes.int32, np.int32(3))])
    with open("d/m.data-00000-of-00001", "r+b") as f:
        f.write(b"\x01")
    assert _error_first_line(bundle.BundleReader("d/m").read, "a") == (
        "DataLossError: TensorBundle at d/m shard 0 (24 bytes): Checksum does not match: "
        "stored 2152793273 vs. calculated on the restored bytes 975095351")
    assert bundle.BundleReader("d/m").read("b") == 3
    with open("d/m.index", "r+b") as f:
        f.write(b"\x01")
    assert _error_first_line(bundle.BundleReader, "d/m").startswith(
        "DataLossError: Unable to read file (d/m.index). Perhaps the file is corrupt or was "
        "produced by a newer version of TensorFlow with format changes (failed to seek to "
        "header entry): block checksum mismatch")


# ---- the graph -------------------------------------------------------------------------------

def _op_summary(graph, first: int) -> list[tuple]:
    return [(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
             op.device) for op in graph.get_operations()[first:]]


def test_saver_graph_matches_tf():
    _two_variables()
    graph = tf.get_default_graph()
    saver = Saver()
    cpu = "/device:CPU:0"
    assert _op_summary(graph, 8) == [
        ("save/filename/input", "Const", [], [], ""),
        ("save/filename", "PlaceholderWithDefault", ["save/filename/input:0"], [], ""),
        ("save/Const", "PlaceholderWithDefault", ["save/filename:0"], [], ""),
        ("save/SaveV2/tensor_names", "Const", [], [], ""),
        ("save/SaveV2/shape_and_slices", "Const", [], [], ""),
        ("save/SaveV2", "SaveV2", ["save/Const:0", "save/SaveV2/tensor_names:0",
                                   "save/SaveV2/shape_and_slices:0", "step:0", "w:0"], [], ""),
        ("save/control_dependency", "Identity", ["save/Const:0"], ["save/SaveV2"], ""),
        ("save/RestoreV2/tensor_names", "Const", [], [], cpu),
        ("save/RestoreV2/shape_and_slices", "Const", [], [], cpu),
        ("save/RestoreV2", "RestoreV2", ["save/Const:0", "save/RestoreV2/tensor_names:0",
                                         "save/RestoreV2/shape_and_slices:0"], [], cpu),
        ("save/Assign", "Assign", ["step:0", "save/RestoreV2:0"], [], ""),
        ("save/Assign_1", "Assign", ["w:0", "save/RestoreV2:1"], [], ""),
        ("save/restore_all", "NoOp", [], ["save/Assign", "save/Assign_1"], ""),
    ]
    restore = graph.get_operation_by_name("save/RestoreV2")
    assert restore.get_attr("dtypes") == [tf.int64, tf.float32]
    assert [str(t.shape) for t in restore.outputs] == ["<unknown>", "<unknown>"]
    assign = graph.get_operation_by_name("save/Assign")
    assert list(node_def(assign).attr["_class"].list.s) == [b"loc:@step"]  # colocated as in TF
    assert str(saver.saver_def) == (
        'filename_tensor_name: "save/Const:0"\nsave_tensor_name: "save/control_dependency:0"\n'
        'restore_op_name: "save/restore_all"\nmax_to_keep: 5\n'
        "keep_checkpoint_every_n_hours: 10000\nversion: V2\n")
    for op_type in ("SaveV2", "RestoreV2", "MergeV2Checkpoints", "ShardedFilename",
                    "StringJoin", "StaticRegexFullMatch"):
        assert op_registry.get_gradient_function(op_type) is None
    assert Saver([tf.global_variables()[1]], name="mine").saver_def.restore_op_name == (
        "mine/restore_all")
    assert Saver().saver_def.restore_op_name == "save_1/restore_all"


def test_dict_names_reshape_and_unknown_shape_variables(workdir):
    w = tf.Variable([1.5, 2.5], name="w")
    b = tf.Variable([[1, 2], [3, 4]], name="b")
    u = tf.Variable(tf.zeros([3]), validate_shape=False, name="u")
    graph = tf.get_default_graph()
    first = len(graph.get_operations())
    saver = Saver({"zz": w, "aa": b, "mm": u}, reshape=True)
    names = [(op.name, op.type, [t.name for t in op.inputs])
             for op in graph.get_operations()[first + 10:]]
    assert names == [
        ("save/Reshape/shape", "Const", []),
        ("save/Reshape", "Reshape", ["save/RestoreV2:0", "save/Reshape/shape:0"]),
        ("save/Assign", "Assign", ["b:0", "save/Reshape:0"]),
        ("save/Shape", "Shape", ["u:0"]),
        ("save/Reshape_1", "Reshape", ["save/RestoreV2:1", "save/Shape:0"]),
        ("save/Assign_1", "Assign", ["u:0", "save/Reshape_1:0"]),
        ("save/Reshape_2/shape", "Const", []),
        ("save/Reshape_2", "Reshape", ["save/RestoreV2:2", "save/Reshape_2/shape:0"]),
        ("save/Assign_2", "Assign", ["w:0", "save/Reshape_2:0"]),
        ("save/restore_all", "NoOp", []),
    ]
    assert graph.get_operation_by_name("save/Assign").get_attr("validate_shape") is False
    sess = _initialized_session()
    assert saver.save(sess, "ck/m") == "ck/m"
    # Data in name order: aa (int32 [2,2]), mm (float32 [3]), zz (float32 [2]).
    assert (workdir / "ck/m.data-00000-of-00001").read_bytes().hex() == (
        "01000000020000000300000004000000000000000000000000000000"
        "0000c03f00002040")
    sess.run(w.assign([0.0, 0.0]))
    saver.restore(sess, "ck/m")
    np.testing.assert_array_equal(sess.run(w), [1.5, 2.5])


def test_var_list_errors():
    a = tf.Variable(2.0, name="a")
    assert _error_first_line(Saver, []) == "ValueError: No variables to save"
    assert _error_first_line(Saver, [a, a]) == (
        "ValueError: At least two variables have the same name: a")
    assert _error_first_line(Saver, [a, 3.0]) == (
        "AttributeError: 'float' object has no attribute 'name'")
    assert _error_first_line(Saver, [a.value()]) == (
        'TypeError: Variable to save is not a Variable: Tensor("a/read:0", shape=(), '
        "dtype=float32)")
    assert _error_first_line(Saver, a) == (
        "TypeError: Variables to save should be passed in a dict or a list. Got <tf.Variable "
        "'a:0' shape=() dtype=float32_ref>")
    assert _error_first_line(Saver, {1: a}) == (
        "TypeError: names_to_saveables must be a dict mapping string names to trackable "
        "operations. Name is not a string: 1")
    assert _error_first_line(Saver, {"x": 3.0}) == (
        "TypeError: names_to_saveables must be a dict mapping string names to "
        'Tensors/Variables. Not a variable: Tensor("Const:0", shape=(), dtype=float32)')
    assert _error_first_line(Saver, {"x": a._ref(), "y": a}) == (
        "ValueError: The same saveable will be restored with two names: y")
    assert _error_first_line(Saver, [a], defer_build=True) == (
        "ValueError: If `var_list` is provided then build cannot be deferred. Either set "
        "defer_build=False or var_list=None.")
    assert _error_first_line(Saver, saver_def="x") == (
        "ValueError: saver_def must be a saver_pb2.SaverDef: x")
    assert Saver((a,)).saver_def.restore_op_name == "save/restore_all"


# ---- save and restore ------------------------------------------------------------------------

def test_save_writes_tf_files_and_restores(workdir):
    step, w = _two_variables()
    saver = Saver()
    sess = _initialized_session()
    assert saver.save(sess, "ckpt/model", global_step=7) == "ckpt/model-7"
    assert sorted(os.listdir("ckpt")) == ["checkpoint", "model-7.data-00000-of-00001",
                                          "model-7.index", "model-7.meta"]
    assert Path("ckpt/checkpoint").read_text() == (
        'model_checkpoint_path: "model-7"\nall_model_checkpoint_paths: "model-7"\n')
    assert Path("ckpt/model-7.index").read_bytes() == SMALL_INDEX
    assert Path("ckpt/model-7.data-00000-of-00001").read_bytes().hex() == (
        "03000000000000000000c03f00002040")
    sess.run([step.assign(0), w.assign([0.0, 0.0])])
    assert saver.restore(sess, "ckpt/model-7") is None
    assert sess.run(step) == 3
    np.testing.assert_array_equal(sess.run(w), [1.5, 2.5])


def test_meta_graph_holds_saver_def_and_variable_defs(workdir):
    oracle.build_model(tf)
    saver = Saver()
    saver.save(_initialized_session(), "m", global_step=1)
    meta = MetaGraphDef.FromString(Path("m-1.meta").read_bytes())
    assert meta.saver_def == saver.saver_def
    assert meta.meta_info_def.tensorflow_version == "2.21.0"
    assert sorted(meta.collection_def) == ["trainable_variables", "variables"]
    first = VariableDef.FromString(meta.collection_def["variables"].bytes_list.value[0])
    assert str(first) == ('variable_name: "layer/w:0"\ninitializer_name: "layer/w/Assign"\n'
                          'snapshot_name: "layer/w/read:0"\n'
                          'initial_value_name: "layer/w/initial_value:0"\n'
                          "trainable: true\n")
    node_names = {node.name for node in meta.graph_def.node}
    assert {"save/SaveV2", "save/RestoreV2", "save/restore_all"} <= node_names
    text = saver.export_meta_graph("m.txt", as_text=True, collection_list=["variables"])
    assert sorted(text.collection_def) == ["variables"]
    assert Path("m.txt").read_text().startswith("meta_info_def {\n  tensorflow_version:")
    # tf.train.export_meta_graph: no SaverDef unless given; creates the directory (as TF).
    plain = meta_graph.export_meta_graph("a/x.meta")
    assert not plain.HasField("saver_def") and Path("a/x.meta").exists()
    assert sorted(plain.collection_def) == ["trainable_variables", "variables"]
    with pytest.raises(ValueError, match="export_scope=None only"):
        meta_graph.export_meta_graph(export_scope="zz")


def test_max_to_keep_deletes_oldest_across_directories(workdir):
    a = tf.Variable(2.0, name="a")
    saver = Saver(max_to_keep=2)
    sess = _initialized_session()
    listings = []
    for step in [1, 2, 3]:
        sess.run(a.assign(float(step)))
        assert saver.save(sess, "ckpt/model", global_step=step) == f"ckpt/model-{step}"
        listings.append(sorted(os.listdir("ckpt")))
    assert listings[-1] == ["checkpoint", "model-2.data-00000-of-00001", "model-2.index",
                            "model-2.meta", "model-3.data-00000-of-00001", "model-3.index",
                            "model-3.meta"]
    assert saver.last_checkpoints == ["ckpt/model-2", "ckpt/model-3"]
    assert Path("ckpt/checkpoint").read_text() == (
        'model_checkpoint_path: "model-3"\nall_model_checkpoint_paths: "model-2"\n'
        'all_model_checkpoint_paths: "model-3"\n')
    absolute = str(workdir / "abs" / "model")
    assert saver.save(sess, absolute) == absolute
    assert not os.path.exists("ckpt/model-2.index")
    assert Path("abs/checkpoint").read_text() == (
        f'model_checkpoint_path: "{absolute}"\nall_model_checkpoint_paths: "ckpt/model-3"\n'
        f'all_model_checkpoint_paths: "{absolute}"\n')
    assert saver.save(sess, "ckpt/other", global_step=np.int64(9), latest_filename="mystate",
                      write_meta_graph=False) == "ckpt/other-9"
    assert Path("ckpt/mystate").read_text() == (
        f'model_checkpoint_path: "other-9"\nall_model_checkpoint_paths: "{absolute}"\n'
        'all_model_checkpoint_paths: "other-9"\n')
    assert saver.save(sess, "ckpt/nostate", write_state=False) == "ckpt/nostate"
    assert sorted(os.listdir("ckpt")) == [
        "checkpoint", "mystate", "nostate.data-00000-of-00001", "nostate.index", "nostate.meta",
        "other-9.data-00000-of-00001", "other-9.index"]
    assert state.latest_checkpoint("ckpt") is None  # model-3 is gone
    assert state.latest_checkpoint("ckpt", "mystate") == "ckpt/other-9"
    ckpt = state.get_checkpoint_state("ckpt")
    assert ckpt.model_checkpoint_path == "ckpt/model-3"
    assert list(ckpt.all_model_checkpoint_paths) == ["ckpt/model-2", "ckpt/model-3"]


def test_step_formats_and_bookkeeping_options(workdir):
    tf.Variable(2.0, name="a")
    sess = _initialized_session()
    padded = Saver(pad_step_number=True, max_to_keep=None)
    assert padded.save(sess, "ckpt/pad", global_step=3) == "ckpt/pad-00000003"
    assert padded.save(sess, "ckpt/pad", global_step=tf.constant(5)) == "ckpt/pad-00000005"
    assert padded.last_checkpoints == []
    assert Path("ckpt/checkpoint").read_text() == (
        'model_checkpoint_path: "pad-00000005"\nall_model_checkpoint_paths: "pad-00000005"\n')
    saver = Saver(max_to_keep=1)
    saver.save(sess, "un/m", meta_graph_suffix="mg")
    saver.saver_def.max_to_keep = 2  # read at every save, as in TF
    saver.save(sess, "un/m", global_step=1, meta_graph_suffix="mg")
    saver.save(sess, "un/m", global_step=2, meta_graph_suffix="mg")
    assert sorted(os.listdir("un")) == ["checkpoint", "m-1.data-00000-of-00001", "m-1.index",
                                        "m-1.mg", "m-2.data-00000-of-00001", "m-2.index",
                                        "m-2.mg"]
    assert _error_first_line(saver.save, sess, "e/m", global_step=5.7).startswith(
        'TypeError: Argument `fetch` = 5.7 has invalid type "float"')


def test_save_relative_paths(workdir):
    tf.Variable(2.5, name="v")
    saver = Saver(save_relative_paths=True, max_to_keep=3)
    sess = _initialized_session()
    assert saver.save(sess, "model") == "model"
    assert Path("checkpoint").read_text() == (
        'model_checkpoint_path: "model"\nall_model_checkpoint_paths: "model"\n')
    saver.save(sess, str(workdir / "abs" / "m"), global_step=1)
    assert Path("abs/checkpoint").read_text() == (
        'model_checkpoint_path: "m-1"\nall_model_checkpoint_paths: "model"\n'
        'all_model_checkpoint_paths: "m-1"\n')
    saver.save(sess, "rel/m", global_step=2)
    # TF relativizes absolute paths twice under a relative directory.
    assert Path("rel/checkpoint").read_text() == (
        'model_checkpoint_path: "m-2"\nall_model_checkpoint_paths: "../model"\n'
        'all_model_checkpoint_paths: "../../abs/m-1"\nall_model_checkpoint_paths: "m-2"\n')
    assert list(state.get_checkpoint_state("rel").all_model_checkpoint_paths) == [
        "rel/../model", "rel/../../abs/m-1", "rel/m-2"]
    assert state.get_checkpoint_state(str(workdir / "abs")).all_model_checkpoint_paths[0] == (
        str(workdir / "abs" / "model"))


def test_keep_checkpoint_every_n_hours_preserves_one_per_period(workdir, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    tf.Variable(1.0, name="v")
    saver = Saver(max_to_keep=1, keep_checkpoint_every_n_hours=1.0)
    sess = _initialized_session()
    for step, minutes in [(1, 0), (2, 10), (3, 70), (4, 80), (5, 90)]:
        clock[0] = 1000.0 + 60 * minutes
        saver.save(sess, "ck/m", global_step=step, write_meta_graph=False)
    # m-3 was saved after the first hour had passed, so it outlives max_to_keep.
    assert sorted(p for p in os.listdir("ck") if p.endswith(".index")) == [
        "m-3.index", "m-5.index"]
    assert saver.last_checkpoints == ["ck/m-5"]


def test_restore_errors_have_tf_texts(workdir):
    v = tf.Variable([1.0, 2.0], name="v")
    sess = _initialized_session()
    Saver().save(sess, "ck/m")
    tf.reset_default_graph()
    tf.Variable([1.0, 2.0], name="v")
    tf.Variable([1.0, 2.0], name="w")
    with pytest.raises(errors.NotFoundError) as info:
        Saver().restore(tf.Session(), "ck/m")
    assert info.value.message == (
        "Restoring from checkpoint failed. This is most likely due to a Variable name or other "
        "graph key that is missing from the checkpoint. Please ensure that you have not altered "
        "the graph expected based on the checkpoint. Original error:\n\nGraph execution error:"
        "\n\nKey w not found in checkpoint\n\t [[{{node save/RestoreV2}}]]")
    assert info.value.op.name == "save/RestoreV2"
    tf.reset_default_graph()
    v = tf.Variable([1.0, 2.0, 3.0], name="v")
    sess = tf.Session()
    with pytest.raises(errors.InvalidArgumentError) as info:
        Saver().restore(sess, "ck/m")
    assert info.value.message.startswith(
        "Restoring from checkpoint failed. This is most likely due to a mismatch between the "
        "current graph and the graph from the checkpoint.")
    assert "Assign requires shapes of both tensors to match. lhs shape= [3] rhs shape= [2]" in (
        info.value.message)
    assert info.value.op.name == "save/Assign"
    tf.reset_default_graph()
    v = tf.Variable([1, 2], name="v")
    saver = Saver()
    with pytest.raises(errors.InvalidArgumentError, match="tensor_name = v; expected dtype "
                       "int32 does not equal original dtype float"):
        saver.restore(tf.Session(), "ck/m")
    assert _error_first_line(saver.restore, tf.Session(), "ck/nope") == (
        "ValueError: The passed save_path is not a valid checkpoint: ck/nope")
    assert _error_first_line(saver.restore, tf.Session(), None) == (
        "ValueError: Can't load save_path when it is None.")
    del v


def test_save_errors_have_tf_texts(workdir):
    v = tf.Variable(2.5, name="v")
    saver = Saver([v])
    sess = tf.Session()
    assert _error_first_line(saver.save, sess, "un/m") == (
        "ValueError: Parent directory of un/m doesn't exist, can't save.")
    assert not os.path.exists("un")
    os.mkdir("un")
    assert _error_first_line(saver.save, sess, "un/m") == (
        "FailedPreconditionError: Graph execution error:")
    sess.run(v.initializer)
    assert _error_first_line(saver.save, sess, "nodir/sub/model") == (
        "ValueError: Parent directory of nodir/sub/model doesn't exist, can't save.")
    assert _error_first_line(saver.save, sess, "ckpt/checkpoint") == (
        "ValueError: 'latest_filename' collides with 'save_path': 'checkpoint' and "
        "'ckpt/checkpoint'")
    assert _error_first_line(saver.save, sess, "ckpt/m", latest_filename="a/b") == (
        "ValueError: 'latest_filename' must not contain path components")
    assert _error_first_line(saver.save, "notasession", "ckpt/m") == (
        "TypeError: 'sess' must be a Session; notasession")
    deferred = Saver(defer_build=True)
    assert _error_first_line(deferred.save, sess, "ckpt/m") == (
        "RuntimeError: `build()` should be called before save if defer_build==True")
    deferred.build()
    deferred.build()
    assert deferred.saver_def.restore_op_name == "save_1/restore_all"


def test_empty_saver_and_saver_def_reuse(workdir):
    v = tf.Variable(2.5, name="v")
    sess = _initialized_session()
    empty = Saver([], allow_empty=True)
    assert empty.saver_def is None
    assert empty.save(sess, "e/m") is None
    assert empty.restore(sess, "nothing") is None
    assert sorted(os.listdir("e")) == ["m.meta"]
    saver = Saver()
    again = Saver(saver_def=saver.saver_def)
    assert again.save(sess, "f/m") == "f/m"
    assert Saver.from_proto(saver.to_proto()).as_saver_def() is saver.saver_def
    saver.set_last_checkpoints(["a", "b"])
    assert saver.last_checkpoints == ["a", "b"]
    saver.recover_last_checkpoints(["f/m", "e/nope"])
    assert saver.last_checkpoints == ["f/m"]
    with pytest.raises(AssertionError):
        saver.set_last_checkpoints(("a",))
    with pytest.raises(ValueError, match="V2 checkpoints only"):
        Saver(write_version=1)
    del v


def test_sharded_saver_graph_and_files_match_tf(workdir):
    step = tf.Variable(3, dtype=tf.int64, name="step")
    graph = tf.get_default_graph()
    saver = Saver(sharded=True)
    cpu0, cpu_any = "/device:CPU:0", "/device:CPU:*"
    assert _op_summary(graph, 7)[:16] == [
        ("save/StaticRegexFullMatch", "StaticRegexFullMatch", ["save/Const:0"], [], cpu_any),
        ("save/Const_1", "Const", [], [], cpu_any),
        ("save/Const_2", "Const", [], [], cpu_any),
        ("save/Select", "Select", ["save/StaticRegexFullMatch:0", "save/Const_1:0",
                                   "save/Const_2:0"], [], cpu_any),
        ("save/StringJoin", "StringJoin", ["save/Const:0", "save/Select:0"], [], cpu_any),
        ("save/num_shards", "Const", [], [], ""),
        ("save/ShardedFilename/shard", "Const", [], [], cpu0),
        ("save/ShardedFilename", "ShardedFilename", ["save/StringJoin:0",
                                                     "save/ShardedFilename/shard:0",
                                                     "save/num_shards:0"], [], cpu0),
        ("save/SaveV2/tensor_names", "Const", [], [], cpu0),
        ("save/SaveV2/shape_and_slices", "Const", [], [], cpu0),
        ("save/SaveV2", "SaveV2", ["save/ShardedFilename:0", "save/SaveV2/tensor_names:0",
                                   "save/SaveV2/shape_and_slices:0", "step:0"], [], cpu0),
        ("save/control_dependency", "Identity", ["save/ShardedFilename:0"], ["save/SaveV2"],
         cpu0),
        ("save/MergeV2Checkpoints/checkpoint_prefixes", "Pack", ["save/ShardedFilename:0"],
         ["save/control_dependency"], cpu0),
        ("save/MergeV2Checkpoints", "MergeV2Checkpoints",
         ["save/MergeV2Checkpoints/checkpoint_prefixes:0", "save/Const:0"], [], cpu0),
        ("save/Identity", "Identity", ["save/Const:0"],
         ["save/control_dependency", "save/MergeV2Checkpoints"], cpu0),
        ("save/RestoreV2/tensor_names", "Const", [], [], cpu0),
    ]
    assert [op.name for op in graph.get_operations()][-3:] == [
        "save/Assign", "save/restore_shard", "save/restore_all"]
    assert saver.saver_def.sharded and saver.saver_def.save_tensor_name == "save/Identity:0"
    sess = _initialized_session()
    os.mkdir("ck")
    assert saver.save(sess, "ck/m", global_step=1) == "ck/m-1"
    assert sorted(os.listdir("ck")) == ["checkpoint", "m-1.data-00000-of-00001", "m-1.index",
                                        "m-1.meta"]
    assert Path("ck/m-1.index").read_bytes().hex() == (  # recorded from TF's sharded save
        "00000608011a02080100040b7374657008091200280835b099490e00000000010000000009"
        "45e343000000000100000000c0f2a1b0000102740023000000000100000000470f406f2808"
        "350e00000000000000000000000000000000000000000000000000000000000000000000000057fb808b"
        "247547db")
    assert sess.run("save/ShardedFilename:0", {"save/Const:0": "a/b"}) == (
        b"a/b_temp/part-00000-of-00001")
    assert sess.run("save/ShardedFilename:0", {"save/Const:0": "s3://b"}) == (
        b"s3://b.part-00000-of-00001")
    sess.run(step.assign(5))
    saver.restore(sess, "ck/m-1")
    assert sess.run(step) == 3
    with pytest.raises(errors.NotFoundError, match="nod/x_temp; No such file or directory"):
        sess.run("save/Identity:0", {"save/Const:0": "nod/x"})


# ---- the file-level API ----------------------------------------------------------------------

def test_checkpoint_reader_on_tf_checkpoint():
    ckpt = reader.NewCheckpointReader(TF_PREFIX)
    assert ckpt.debug_string().decode() == RECORDED["tf_reads_tfcompat"]["debug_string"]
    shapes = ckpt.get_variable_to_shape_map()
    assert shapes["layer/w"] == [2, 3] and shapes["global_step"] == [] and len(shapes) == 18
    assert ckpt.get_variable_to_dtype_map()["bf16"] is tf.bfloat16
    assert ckpt.has_tensor("layer/b") and not ckpt.has_tensor("nope")
    assert repr(ckpt.get_tensor("global_step")) == "np.int64(7)"
    assert ckpt.get_tensor("title") == b"checkpoint title"
    assert repr(ckpt.get_tensor("names")) == (
        "array([b'ab', b'', b'\\xc3\\xa9'], dtype=object)")
    assert _error_first_line(ckpt.get_tensor, "nope") == (
        "NotFoundError: Key nope not found in checkpoint")
    assert reader.list_variables(str(oracle.FIXTURE_DIR))[:3] == [
        ("bf16", [3]), ("c128", []), ("c64", [2])]
    assert reader.load_variable(TF_PREFIX, "layer/b:0").tolist() == [0.5, -1.25, 3.0]
    assert isinstance(reader.load_checkpoint(str(oracle.FIXTURE_DIR)), reader.CheckpointReader)


def test_reader_errors(workdir):
    missing = ("NotFoundError: Unsuccessful TensorSliceReader constructor: Failed to find any "
               "matching files for ")
    assert _error_first_line(reader.NewCheckpointReader, "ck/none") == missing + "ck/none"
    assert _error_first_line(reader.load_checkpoint, "nodir") == missing + "nodir"
    os.mkdir("empty")
    assert _error_first_line(reader.list_variables, "empty") == (
        "ValueError: Couldn't find 'checkpoint' file or checkpoints in given directory empty")


def test_restore_v2_slices_and_kernel_errors(workdir):
    bundle.write_bundle("d/m", [("a", dtypes.float32, np.arange(1, 7, dtype=np.float32)
                                 .reshape(2, 3)), ("b", dtypes.int32, np.int32(3))])
    from tfcompat.training.checkpoint import io_ops

    def restore(names, slices, types):
        return tf.Session().run(io_ops.restore_v2("d/m", names, slices, types))

    assert restore(["a"], ["2 3 1,1:0,2"], [tf.float32])[0].tolist() == [[4.0, 5.0]]
    assert restore(["a"], ["2 3 -:1,2"], [tf.float32])[0].tolist() == [[2.0, 3.0], [5.0, 6.0]]
    assert restore(["b", "a"], ["", ""], [tf.int32, tf.float32])[0] == 3
    assert ("tensor_name = a; shape in shape_and_slice spec [3,3] does not match the shape "
            "stored in checkpoint: [2,3]") in _message(restore, ["a"], ["3 3 -:1,2"],
                                                       [tf.float32])
    assert ("tensor_names and shape_and_slices have different number of elements: 2 vs. 1"
            in _message(restore, ["a", "b"], [""], [tf.float32, tf.int32]))
    assert ("Unsuccessful TensorSliceReader constructor: Failed to find any matching files for "
            "d/nope") in _message(lambda: tf.Session().run(
                io_ops.restore_v2("d/nope", ["a"], [""], [tf.float32])))
    assert "Need least two elements in shape_and_slice specification: bad" in _message(
        restore, ["a"], ["bad"], [tf.float32])
    assert "Adding duplicate key: a" in _message(
        lambda: tf.Session().run(io_ops.save_v2("d/x", ["a", "a"], ["", ""],
                                                [tf.constant(1.0), tf.constant(2.0)])))
    assert "Got 1 tensor names but 2 tensors." in _message(
        lambda: tf.Session().run(io_ops.save_v2("d/x", ["a"], [""],
                                                [tf.constant(1.0), tf.constant(2.0)])))


def _message(fn, *args) -> str:
    with pytest.raises(errors.OpError) as info:
        fn(*args)
    return info.value.message


def test_checkpoint_state_file(workdir):
    os.mkdir("bad")
    Path("bad/checkpoint").write_text("")
    assert _error_first_line(state.get_checkpoint_state, "bad") == (
        "ValueError: Invalid checkpoint state loaded from bad")
    Path("bad/checkpoint").write_text("garbage {")
    assert state.get_checkpoint_state("bad") is None
    Path("bad/checkpoint").write_text(
        "model_checkpoint_path: 'a\\x41\\101' 'b'  all_model_checkpoint_paths: \"q\" "
        "all_model_checkpoint_timestamps: 1.5\nlast_preserved_timestamp: 2")
    assert str(state.get_checkpoint_state("bad")) == (
        'model_checkpoint_path: "bad/aAAb"\nall_model_checkpoint_paths: "bad/q"\n'
        "all_model_checkpoint_timestamps: 1.5\nlast_preserved_timestamp: 2\n")
    assert state.latest_checkpoint("bad") is None
    assert state.get_checkpoint_state("nodir") is None
    state.update_checkpoint_state("", "model2", ["a/b", "/x/y"])
    assert Path("checkpoint").read_text() == (
        'model_checkpoint_path: "model2"\nall_model_checkpoint_paths: "a/b"\n'
        'all_model_checkpoint_paths: "/x/y"\nall_model_checkpoint_paths: "model2"\n')
    os.mkdir("u")
    state.update_checkpoint_state("u", "u/m", ["u/a"], all_model_checkpoint_timestamps=[1.0, 2.0],
                                  last_preserved_timestamp=0.5)
    assert Path("u/checkpoint").read_text() == (
        'model_checkpoint_path: "m"\nall_model_checkpoint_paths: "a"\n'
        'all_model_checkpoint_paths: "m"\nall_model_checkpoint_timestamps: 1.0\n'
        "all_model_checkpoint_timestamps: 2.0\nlast_preserved_timestamp: 0.5\n")
    assert _error_first_line(state.update_checkpoint_state, "u", "u/m", ["u/a"],
                             all_model_checkpoint_timestamps=[1.0]) == (
        "ValueError: Checkpoint timestamps, if provided, must match checkpoint paths (got paths "
        "['u/a', 'u/m'] and timestamps [1.0])")
    odd = 'u/\u00e9 "q"\n\\'
    state.update_checkpoint_state("u", odd)
    assert Path("u/checkpoint").read_bytes() == (
        b'model_checkpoint_path: "\xc3\xa9 \\"q\\"\\n\\\\"\n'
        b'all_model_checkpoint_paths: "\xc3\xa9 \\"q\\"\\n\\\\"\n')
    assert state.get_checkpoint_state("u").model_checkpoint_path == odd
    assert _error_first_line(state.update_checkpoint_state, "nodir", "nodir/m") == (
        "NotFoundError: nodir/checkpoint; No such file or directory")


def test_checkpoint_exists_and_mtimes(workdir):
    bundle.write_bundle("e/m-3", [("a", dtypes.float32, np.float32(1))])
    assert state.checkpoint_exists("e/m-3") and state.checkpoint_exists("e/m-*")
    assert state.checkpoint_exists("e")  # a file (or directory) at the prefix itself counts
    assert not state.checkpoint_exists("e/zz")
    assert len(state.get_checkpoint_mtimes(["e/m-3", "e/zz"])) == 1
    assert state.meta_graph_filename("x/model-00000-of-00002") == "x/model.meta"
    shutil.copy("e/m-3.index", "e/m-4.index")
    state.remove_checkpoint("e/m-3")
    assert sorted(os.listdir("e")) == ["m-4.index"]


def test_sharded_saver_writes_one_shard_per_device(workdir):
    with tf.device("/device:CPU:1"):
        a = tf.Variable([1.0, 2.0], name="a")
    with tf.device("/device:CPU:0"):
        tf.Variable(3, name="b")
    c = tf.Variable(4.0, name="c")
    saver = Saver(sharded=True)
    graph = tf.get_default_graph()
    save = graph.get_operation_by_name("save/SaveV2_2")
    assert [t.name for t in save.inputs][-1] == "a:0" and save.device == "/device:CPU:0"
    assert graph.get_operation_by_name("save/Assign_2").device == "/device:CPU:1"
    sess = _initialized_session()
    os.mkdir("ck")
    assert saver.save(sess, "ck/m") == "ck/m"
    # Recorded from TF 2.21 (shards ordered by device: "", CPU:0, CPU:1).
    shards = {name: Path("ck", name).read_bytes().hex() for name in sorted(os.listdir("ck"))
              if ".data-" in name}
    assert shards == {"m.data-00000-of-00003": "00008040", "m.data-00001-of-00003": "03000000",
                      "m.data-00002-of-00003": "0000803f00000040"}
    assert Path("ck/m.index").read_bytes().hex() == (
        "00000608031a0208010001116108011204120208021802280835593ce53500010d6208031200180128043563"
        "3f7f2800010b630801120028043597d088fb0000000001000000001bf2488e000000000100000000c0f2a1b0"
        "000102640046000000000100000000326ceb604b08580e0000000000000000000000000000000000000000"
        "0000000000000000000000000000000057fb808b247547db")
    sess.run([a.assign([0.0, 0.0]), c.assign(0.0)])
    saver.restore(sess, "ck/m")
    assert [sess.run(v).tolist() for v in (a, c)] == [[1.0, 2.0], 4.0]
    assert bundle.BundleReader("ck/m").read("b") == 3
