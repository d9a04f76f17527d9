"""tf.contrib.framework (variables, checkpoints, nest), the contrib namespace and its aliases,
and the drop-in import forms classic scripts use."""

from __future__ import annotations

import collections
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import tfcompat as tf
from tests.dropin.dropin_cases import tfcompat_env

framework = tf.contrib.framework


def test_model_variable_collections_and_lookups():
    with tf.variable_scope("net"):
        w = framework.model_variable("weights", [2, 3], initializer=tf.ones_initializer())
        b = framework.variable("bias", [3], collections=["extra"])
        local = framework.local_variable(np.zeros(2, np.float32), name="counter")
    assert framework.get_model_variables() == [w]
    assert w in tf.global_variables() and w in tf.trainable_variables()
    assert tf.get_collection("extra") == [b] and b not in tf.global_variables()
    assert framework.get_local_variables() == [local] and local not in tf.trainable_variables()
    assert framework.get_variables("net") == [w]
    assert framework.get_variables_by_name("weights") == [w]
    assert framework.get_variables_by_suffix("ghts") == [w]
    assert framework.get_unique_variable("net/weights") is w
    with pytest.raises(ValueError, match="Couldn't find variable net/nothing"):
        framework.get_unique_variable("net/nothing")
    assert framework.get_variables_to_restore(exclude=["net/weights"]) == []
    assert framework.get_variables_to_restore(include=["net"]) == [w]
    step = framework.get_or_create_global_step()
    assert framework.get_global_step() is step


def test_arg_scope_on_model_variable_and_introspection():
    with framework.arg_scope([framework.model_variable], initializer=tf.zeros_initializer(),
                             device="/cpu:0"):
        v = framework.model_variable("v", [2])
    assert v.device.endswith("CPU:0")
    assert framework.has_arg_scope(framework.model_variable)
    assert "initializer" in framework.arg_scoped_arguments(framework.model_variable)
    assert not framework.has_arg_scope(tf.nn.relu)


def test_assign_from_checkpoint_and_fn(tmp_path):
    with tf.Graph().as_default():
        a = tf.Variable([1.0, 2.0], name="a")
        tf.Variable(3.0, name="b")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            path = tf.train.Saver().save(sess, str(tmp_path / "model"))
    a = tf.Variable([0.0, 0.0], name="a")
    renamed = tf.Variable(0.0, name="other")
    missing = tf.Variable(0.0, name="missing")
    assign, feed = framework.assign_from_checkpoint(path, [a, missing], ignore_missing_vars=True)
    restore = framework.assign_from_checkpoint_fn(path, {"b": renamed})
    with pytest.raises(ValueError, match=r"Checkpoint is missing variable \[missing\]"):
        framework.assign_from_checkpoint(path, [missing])
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(assign, feed)
        restore(sess)
        assert sess.run(a).tolist() == [1.0, 2.0] and sess.run(renamed) == 3.0
    assert framework.assign_from_checkpoint_fn(path, [missing], ignore_missing_vars=True) is None


def test_assign_from_values():
    v = tf.Variable([0.0, 0.0], name="v")
    op, feed = framework.assign_from_values({"v": [4.0, 5.0]})
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(op, feed)
        assert sess.run(v).tolist() == [4.0, 5.0]


def test_nest():
    nest = framework.nest
    Point = collections.namedtuple("Point", "x y")
    structure = {"b": [1, (2, 3)], "a": Point(4, 5)}
    assert nest.flatten(structure) == [4, 5, 1, 2, 3]
    packed = nest.pack_sequence_as(structure, [40, 50, 10, 20, 30])
    assert packed == {"b": [10, (20, 30)], "a": Point(40, 50)}
    assert nest.map_structure(lambda a, b: a + b, [1, (2,)], [10, (20,)]) == [11, (22,)]
    with pytest.raises(ValueError, match="don't have the same number of elements"):
        nest.assert_same_structure([1, 2], [1])
    with pytest.raises(TypeError, match="same sequence type"):
        nest.assert_same_structure([1], (1,))
    assert nest.is_sequence((1,)) and not nest.is_sequence("ab")


def test_namespace_aliases_and_unsupported_names():
    assert tf.contrib.rnn.BasicLSTMCell is tf.nn.rnn_cell.BasicLSTMCell
    assert tf.contrib.rnn.static_rnn is tf.nn.static_rnn
    assert tf.contrib.slim.fully_connected is tf.contrib.layers.fully_connected
    assert tf.contrib.slim.arg_scope is framework.arg_scope
    for symbol in ("tf.contrib.learn", "tf.contrib.slim.learning",
                   "tf.contrib.crf.CrfForwardRnnCell", "tf.contrib.seq2seq.BeamSearchDecoder",
                   "tf.contrib.rnn.AttentionCellWrapper"):
        parts = symbol.split(".")[1:]
        with pytest.raises(AttributeError, match=f"^{symbol} is not supported by tfcompat yet"):
            obj = tf
            for part in parts:
                obj = getattr(obj, part)


def test_contrib_losses_take_logits_first():
    logits = tf.constant([[2.0, 0.5], [0.1, 1.0]])
    labels = tf.constant([[1.0, 0.0], [0.0, 1.0]])
    ours = tf.contrib.losses.softmax_cross_entropy(logits, labels)
    core = tf.losses.softmax_cross_entropy(labels, logits)
    mse = tf.contrib.slim.losses.mean_squared_error(logits, labels)
    with tf.Session() as sess:
        a, b, c = sess.run([ours, core, mse])
    assert a == pytest.approx(b)
    assert c == pytest.approx(((np.array([[2.0, 0.5], [0.1, 1.0]]) -
                                np.eye(2)) ** 2).mean(), rel=1e-6)


def test_streaming_metrics_take_predictions_first():
    predictions = tf.constant([1, 0, 1, 1])
    labels = tf.constant([1, 1, 1, 0])
    value, update = tf.contrib.metrics.streaming_accuracy(predictions, labels)
    mean, mean_update = tf.contrib.metrics.streaming_mean(tf.constant([1.0, 3.0]))
    plain = tf.contrib.metrics.accuracy(predictions, labels)
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())
        sess.run([update, mean_update])
        assert sess.run([value, mean, plain]) == [0.5, 2.0, 0.5]


def test_drop_in_import_forms(tmp_path):
    script = tmp_path / "classic.py"
    script.write_text(textwrap.dedent("""\
        import tensorflow as tf
        import tensorflow.contrib.slim as slim
        from tensorflow.contrib import rnn
        from tensorflow.contrib.layers import xavier_initializer
        from tensorflow.contrib.crf import crf_log_likelihood

        x = tf.placeholder(tf.float32, [None, 4])
        h = slim.fully_connected(x, 3, weights_initializer=xavier_initializer())
        print(h.name, rnn.LSTMCell.__name__, crf_log_likelihood.__name__)
        try:
            import tensorflow.contrib.learn
        except ImportError as error:
            print(error)
        """))
    result = subprocess.run([sys.executable, "-m", "tfcompat", str(script)], capture_output=True,
                            text=True, env=tfcompat_env(), timeout=120)
    assert result.stdout.splitlines() == [
        "fully_connected/Relu:0 LSTMCell crf_log_likelihood",
        "tf.contrib.learn is not supported by tfcompat yet"], result.stderr
