"""tf.train.Checkpoint files cross TensorFlow and tfcompat both ways (recorded by
object_checkpoint_oracle.py): tfcompat restores TF's checkpoint, and writes the same bytes TF
wrote for the same program — bytes TF restored with every object matched."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest

import tfcompat as tf
from tests.training.object_checkpoint_oracle import (
    DATA_PATH,
    FILES,
    FIXTURE_DIR,
    build_model,
    sha256_of,
    train_and_save,
    values_by_key,
)
from tfcompat.protobuf.trackable_object_graph_pb2 import TrackableObjectGraph
from tfcompat.training.checkpoint.bundle import BundleReader

ORACLE = json.loads(DATA_PATH.read_text())


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_tfcompat_restores_tensorflow_checkpoint(graph, tmp_path):
    for name in FILES:
        shutil.copy(FIXTURE_DIR / name, tmp_path / name)
    ckpt, _ = build_model(tf)
    with tf.Session() as sess:
        status = ckpt.restore(str(tmp_path / "ckpt-1"))
        assert status.assert_consumed() is status
        status.run_restore_ops(sess)
        restored = {v.op.name: sess.run(v) for v in tf.global_variables()}
    reader = tf.train.load_checkpoint(str(tmp_path / "ckpt-1"))
    proto = TrackableObjectGraph.FromString(
        reader.get_tensor("_CHECKPOINTABLE_OBJECT_GRAPH"))
    keys = {}
    for node in proto.nodes:
        for attribute in node.attributes:
            keys[attribute.full_name] = attribute.checkpoint_key
    assert set(keys) == set(restored)
    for name, value in restored.items():
        np.testing.assert_array_equal(value, ORACLE["tf_values"][keys[name]], err_msg=name)


def test_tfcompat_writes_what_tensorflow_wrote_and_restored(graph, tmp_path):
    prefix = train_and_save(tf, str(tmp_path))
    assert prefix == os.path.join(str(tmp_path), "ckpt-1")
    for name in FILES:
        assert sha256_of(tmp_path / name) == ORACLE["tf_reads_tfcompat"]["sha256"][name], name
    # The same layout as TF's file (keys, dtypes, shapes, offsets, the object graph bytes); the
    # values agree to float32 rounding (the batch-norm training step is not bit-exact).
    ours, theirs = BundleReader(prefix), BundleReader(str(FIXTURE_DIR / "ckpt-1"))
    assert sorted(ours.entries) == sorted(theirs.entries)
    for key in ours.entries:
        a, b = ours.entry(key), theirs.entry(key)
        assert (a.dtype, str(a.shape), a.offset, a.size) == (b.dtype, str(b.shape), b.offset,
                                                              b.size), key
    assert ours.read("_CHECKPOINTABLE_OBJECT_GRAPH") == theirs.read(
        "_CHECKPOINTABLE_OBJECT_GRAPH")
    assert (tmp_path / "checkpoint").read_bytes() == (FIXTURE_DIR / "checkpoint").read_bytes()
    for key, value in values_by_key(tf, prefix).items():
        np.testing.assert_allclose(value, ORACLE["tf_values"][key], rtol=2e-5, atol=1e-5,
                                   err_msg=key)


def test_tensorflow_restored_every_variable_tfcompat_trained(graph, tmp_path):
    ckpt, train = build_model(tf)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        sess.run(train)
        ours = {v.op.name: sess.run(v) for v in tf.global_variables()}
    ours["save_counter"] = 1  # the save that wrote the file TF restored
    tf_restored = ORACLE["tf_reads_tfcompat"]["values"]
    assert set(tf_restored) == set(ours)
    for name, value in ours.items():
        np.testing.assert_allclose(value, tf_restored[name], rtol=1e-6, err_msg=name)


def test_slot_variables_are_referenced_from_the_optimizer_node(graph, tmp_path):
    prefix = train_and_save(tf, str(tmp_path))
    proto = TrackableObjectGraph.FromString(
        tf.train.load_checkpoint(prefix).get_tensor("_CHECKPOINTABLE_OBJECT_GRAPH"))
    root = {ref.local_name: ref.node_id for ref in proto.nodes[0].children}
    optimizer = proto.nodes[root["optimizer"]]
    assert [ref.slot_name for ref in optimizer.slot_variables] == ["momentum"] * 6
    slot_keys = {proto.nodes[ref.slot_variable_node_id].attributes[0].checkpoint_key
                 for ref in optimizer.slot_variables}
    assert "dense/kernel/.OPTIMIZER_SLOT/optimizer/momentum/.ATTRIBUTES/VARIABLE_VALUE" \
        in slot_keys
    assert "extras/1/offset/.OPTIMIZER_SLOT/optimizer/momentum/.ATTRIBUTES/VARIABLE_VALUE" \
        in slot_keys


def test_escaped_names_nested_checkpoints_and_containers(graph, tmp_path):
    from tfcompat.training.tracking.graph_view import ObjectGraph, escape_local_name

    assert escape_local_name("a.b/c") == "a..b.Sc"
    a = tf.Variable(1., name="a")
    b = tf.Variable([2., 3.], name="b")
    inner = tf.train.Checkpoint(weights={"x/y": b})
    outer = tf.train.Checkpoint(**{"inner": inner, "first.one": [a, b]})
    graph_view = ObjectGraph(outer)
    keys = sorted(graph_view.checkpoint_key(i) for i, _ in graph_view.variables())
    # b is reached first through inner (root children sorted: first.one, inner): BFS order
    assert keys == ["first..one/0/.ATTRIBUTES/VARIABLE_VALUE",
                    "first..one/1/.ATTRIBUTES/VARIABLE_VALUE"]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        path = outer.save(str(tmp_path / "nested"), session=sess)
        sess.run([a.assign(0.), b.assign([0., 0.])])
        status = outer.restore(path)
        status.run_restore_ops(sess)
        assert sess.run(a) == 1. and sess.run(b).tolist() == [2., 3.]
        status.assert_consumed()


def test_restore_of_saver_checkpoint_matches_names(graph, tmp_path):
    # As observed in TF 2.21: a NameBasedSaverStatus whose restore runs a Saver over the
    # objects' variables, save_counter included - absent from a Saver checkpoint.
    v = tf.Variable([1., 2.], name="v")
    with tf.Session() as sess:
        sess.run(v.initializer)
        path = tf.train.Saver().save(sess, str(tmp_path / "names"))
    with tf.Graph().as_default():
        w = tf.Variable([0., 0.], name="v")
        ckpt = tf.train.Checkpoint(v=w)
        with tf.Session() as sess:
            status = ckpt.restore(path)
            assert type(status).__name__ == "NameBasedSaverStatus"
            assert status.assert_consumed() is status
            with pytest.raises(tf.errors.NotFoundError,
                               match="Restoring from checkpoint failed"):
                status.run_restore_ops(sess)
    with tf.Graph().as_default():
        w = tf.Variable([0., 0.], name="v")
        counter = tf.Variable(np.int64(4), name="save_counter")
        with tf.Session() as sess:
            sess.run([w.initializer, counter.initializer])
            path = tf.train.Saver().save(sess, str(tmp_path / "with_counter"))
    with tf.Graph().as_default():
        w = tf.Variable([0., 0.], name="v")
        ckpt = tf.train.Checkpoint(v=w)
        with tf.Session() as sess:
            ckpt.restore(path).run_restore_ops(sess)
            assert sess.run([w, ckpt.save_counter])[1] == 4


def test_save_needs_a_session(graph, tmp_path):
    ckpt = tf.train.Checkpoint(v=tf.Variable(1.))
    with pytest.raises(ValueError, match="needs a session"):
        ckpt.save(str(tmp_path / "x"))


def test_objects_created_after_restore_are_restored(graph, tmp_path):
    x = tf.constant([[1., 2.]])
    layer = tf.layers.Dense(1, name="d")
    opt = tf.train.AdamOptimizer(0.1)
    loss = tf.reduce_sum(layer(x))
    train = opt.minimize(loss)
    ckpt = tf.train.Checkpoint(model=layer, opt=opt)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        path = ckpt.save(str(tmp_path / "c"), session=sess)
        saved = sess.run([layer.kernel, opt.get_slot(layer.kernel, "m")])
    with tf.Graph().as_default():
        layer = tf.layers.Dense(1, name="d")
        opt = tf.train.AdamOptimizer(0.1)
        ckpt = tf.train.Checkpoint(model=layer, opt=opt)
        status = ckpt.restore(path)  # before the layer is built and the slots exist
        train = opt.minimize(tf.reduce_sum(layer(tf.constant([[1., 2.]]))))
        with tf.Session() as sess:
            status.initialize_or_restore(sess)
            status.assert_consumed()
            restored = sess.run([layer.kernel, opt.get_slot(layer.kernel, "m")])
    for a, b in zip(restored, saved):
        np.testing.assert_array_equal(a, b)
