"""tf.layers against TF 2.21's legacy layers: graphs, variables, reuse, dropout and training.

Expected names and numbers were observed on TF 2.21 with tf_keras's legacy layers; the same
programs are recorded in conformance/cases/layers.
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(name="layers")
def _layers():
    # Imported when a test runs, not at collection: tests/dropin/test_unsupported.py checks
    # that ``tf.layers`` is missing until the package is exported from tfcompat.
    from tfcompat import layers
    return layers


def _op_names(prefix: str) -> list[str]:
    return [op.name for op in tf.get_default_graph().get_operations()
            if op.name.startswith(prefix) and "Initializer" not in op.name]


def test_dense_builds_tf_graph_and_variables(layers):
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    y = layers.dense(x, 4, activation=tf.nn.relu)
    z = layers.dense(y, 2)
    assert y.name == "dense/Relu:0" and z.name == "dense_1/BiasAdd:0"
    assert _op_names("dense/") == ["dense/kernel", "dense/kernel/Assign", "dense/kernel/read",
                                   "dense/bias", "dense/bias/Assign", "dense/bias/read",
                                   "dense/MatMul", "dense/BiasAdd", "dense/Relu"]
    assert [v.name for v in tf.trainable_variables()] == [
        "dense/kernel:0", "dense/bias:0", "dense_1/kernel:0", "dense_1/bias:0"]
    assert tf.get_default_graph().get_operation_by_name(
        "dense/kernel/Initializer/random_uniform").type == "AddV2"
    assert tf.get_collection(tf.GraphKeys.UPDATE_OPS) == []


def test_layer_object_shares_variables_across_calls(layers):
    x = tf.placeholder(tf.float32, [None, 3])
    layer = layers.Dense(2, kernel_initializer=tf.constant_initializer(0.5), name="obj")
    a, b = layer(x), layer.apply(x)
    assert (a.name, b.name) == ("obj/BiasAdd:0", "obj/BiasAdd_1:0")
    assert layer.variables == [layer.kernel, layer.bias]
    assert len(tf.global_variables()) == 2
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        a_v, b_v = sess.run([a, b], {x: np.ones([1, 3])})
    np.testing.assert_allclose(a_v, [[1.5, 1.5]])
    np.testing.assert_allclose(b_v, a_v)


def test_functional_reuse_and_auto_reuse_share_variables(layers):
    x = tf.placeholder(tf.float32, [None, 3])
    layers.dense(x, 2, name="fc")
    with pytest.raises(ValueError, match="Variable fc/kernel already exists, disallowed"):
        layers.dense(x, 2, name="fc")
    again = layers.dense(x, 2, name="fc", reuse=True)
    assert again.name == "fc_2/BiasAdd:0"
    assert again.op.inputs[0].op.inputs[1].name == "fc/kernel/read:0"
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        first, second = layers.dense(x, 2, name="d"), layers.dense(x, 2, name="d")
    assert (first.name, second.name) == ("shared/d/BiasAdd:0", "shared/d_1/BiasAdd:0")
    assert len(tf.global_variables()) == 4


def test_untrainable_layer_stays_out_of_trainable_variables(layers):
    x = tf.placeholder(tf.float32, [None, 3])
    layers.dense(x, 2, trainable=False, name="frozen")
    assert tf.trainable_variables() == []
    assert [v.name for v in tf.global_variables()] == ["frozen/kernel:0", "frozen/bias:0"]


def test_dense_on_rank3_input_is_a_tensordot(layers):
    rng = np.random.RandomState(0)
    x = tf.placeholder(tf.float32, [None, 4, 3])
    kernel = rng.normal(size=(3, 5)).astype(np.float32)
    y = layers.dense(x, 5, kernel_initializer=tf.constant_initializer(kernel))
    assert y.name == "dense/BiasAdd:0" and y.shape.as_list() == [None, 4, 5]
    value = rng.normal(size=(2, 4, 3)).astype(np.float32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        np.testing.assert_allclose(sess.run(y, {x: value}), value @ kernel, rtol=1e-5)


def test_conv_pool_flatten_stack_shapes_and_names(layers):
    x = tf.placeholder(tf.float32, [None, 8, 8, 3])
    h = layers.conv2d(x, 4, 3, padding="same", activation=tf.nn.relu)
    h = layers.max_pooling2d(h, 2, 2)
    h = layers.average_pooling2d(h, 2, 1, padding="same")
    h = layers.flatten(h)
    assert h.name == "flatten/Reshape:0" and h.shape.as_list() == [None, 64]
    assert _op_names("conv2d/")[-3:] == ["conv2d/Conv2D", "conv2d/BiasAdd", "conv2d/Relu"]
    assert tf.get_default_graph().get_tensor_by_name("conv2d/kernel:0").shape.as_list() == [
        3, 3, 3, 4]
    assert _op_names("max_pooling2d") == ["max_pooling2d/MaxPool"]
    assert _op_names("average_pooling2d") == ["average_pooling2d/AvgPool"]


def test_dropout_follows_the_training_flag(layers):
    x = tf.ones([50, 40])
    assert layers.dropout(x, 0.5).name == "dropout/Identity:0"
    assert layers.dropout(x, 0.0, training=True).name == "dropout_1/Identity:0"
    dropped = layers.dropout(x, 0.5, training=True, seed=1)
    training = tf.placeholder(tf.bool, [])
    switched = layers.dropout(x, 0.75, training=training, seed=2)
    with tf.Session() as sess:
        values = sess.run(dropped)
        assert set(np.unique(values)) == {0.0, 2.0}
        assert 0.4 < np.mean(values == 0) < 0.6
        np.testing.assert_array_equal(sess.run(switched, {training: False}), np.ones([50, 40]))
        assert set(np.unique(sess.run(switched, {training: True}))) == {0.0, 4.0}


def test_layer_argument_errors_read_as_tf(layers):
    x = tf.placeholder(tf.float32, [None, 8, 8, 3])
    with pytest.raises(ValueError, match=r'one of "valid", "same" \(or "causal", only for '
                                         r"`Conv1D\). Received: full"):
        layers.conv2d(x, 4, 3, padding="full")
    with pytest.raises(ValueError, match=r'Input 0 of layer "conv2d_\d+" is incompatible with the '
                                         r"layer: expected min_ndim=4, found ndim=3"):
        layers.conv2d(tf.placeholder(tf.float32, [None, 3, 3]), 2, 2)
    with pytest.raises(TypeError, match="A Dense layer can only be built with a floating-point "
                                        "dtype. Received: dtype=<dtype: 'int32'>"):
        layers.dense(tf.placeholder(tf.int32, [None, 3]), 2)


# Recorded on TF 2.21 (conformance/cases/layers/train_cnn): loss after each of 8 SGD steps.
TF_LOSSES = [1.1012224, 1.10088, 1.100458, 1.1000215, 1.0995537, 1.0991834, 1.0990049,
             1.0988702]


def test_small_cnn_trains_like_tf(layers):
    rng = np.random.RandomState(0)
    images = rng.uniform(0, 1, [6, 8, 8, 1]).astype(np.float32)
    labels = np.array([0, 1, 2, 1, 0, 2])
    x = tf.placeholder(tf.float32, [None, 8, 8, 1])
    y = tf.placeholder(tf.int64, [None])
    init = tf.constant_initializer(rng.uniform(-0.3, 0.3, [3, 3, 1, 4]).astype(np.float32))
    h = layers.conv2d(x, 4, 3, padding="same", activation=tf.nn.relu, kernel_initializer=init,
                      bias_initializer=tf.constant_initializer(0.01))
    h = layers.max_pooling2d(h, 2, 2)
    h = layers.conv2d(h, 3, 2, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(
        rng.uniform(-0.3, 0.3, [2, 2, 4, 3]).astype(np.float32)))
    h = layers.flatten(layers.average_pooling2d(h, 3, 3))
    logits = layers.dense(h, 3, kernel_initializer=tf.constant_initializer(
        rng.uniform(-0.5, 0.5, [3, 3]).astype(np.float32)))
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y,
                                                                         logits=logits))
    train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        losses = [sess.run([train, loss], {x: images, y: labels})[1] for _ in range(8)]
    np.testing.assert_allclose(losses, TF_LOSSES, rtol=1e-5)
    assert all(b < a for a, b in zip(losses, losses[1:]))
