"""tf.contrib.layers: TF 1.15's variable and op names, arg_scope, and values against formulas."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf

layers = tf.contrib.layers
arg_scope = tf.contrib.framework.arg_scope


def op_names(prefix: str) -> set[str]:
    return {op.name for op in tf.get_default_graph().get_operations()
            if op.name.startswith(prefix)}


def run(fetches, feed=None):
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        return sess.run(fetches, feed)


def test_fully_connected_names_variables_and_collections():
    x = tf.placeholder(tf.float32, [None, 3])
    y = layers.fully_connected(x, 4, weights_regularizer=layers.l2_regularizer(0.5),
                               variables_collections=["mine"], outputs_collections="ends")
    assert y.name == "fully_connected/Relu:0"
    assert {"fully_connected/MatMul", "fully_connected/BiasAdd"} <= op_names("fully_connected/")
    names = [v.name for v in tf.model_variables()]
    assert names == ["fully_connected/weights:0", "fully_connected/biases:0"]
    assert [v.name for v in tf.get_collection("mine")] == names
    assert tf.get_collection("ends") == [y]
    [penalty] = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    assert penalty.name == "fully_connected/kernel/Regularizer/l2_regularizer:0"
    w = tf.model_variables()[0]
    value, w_value = run([penalty, w])
    np.testing.assert_allclose(value, 0.5 * (w_value ** 2).sum() / 2, rtol=1e-6)
    z = layers.fully_connected(x, 2, activation_fn=None, normalizer_fn=layers.layer_norm)
    assert z.name.startswith("fully_connected_1/LayerNorm/")
    assert "fully_connected_1/biases:0" not in [v.name for v in tf.global_variables()]
    with pytest.raises(ValueError, match="num_outputs type should be one of"):
        layers.fully_connected(x, 2.0)


def test_reuse_by_scope():
    x = tf.placeholder(tf.float32, [None, 3])
    a = layers.fully_connected(x, 2, scope="shared")
    b = layers.fully_connected(x, 2, scope="shared", reuse=True)
    assert len(tf.global_variables()) == 2 and a.name != b.name


def test_conv_pool_flatten_names_and_shapes():
    images = tf.placeholder(tf.float32, [None, 8, 8, 3])
    c = layers.conv2d(images, 5, [3, 3])
    c2 = layers.conv2d(c, 6, 3, stride=2, padding="VALID", activation_fn=None)
    p = layers.max_pool2d(c, [2, 2])
    a = layers.avg_pool2d(c, 2, stride=1, padding="SAME")
    f = layers.flatten(p)
    assert c.name == "Conv/Relu:0" and c.shape.as_list() == [None, 8, 8, 5]
    assert c2.name == "Conv_1/BiasAdd:0" and c2.shape.as_list() == [None, 3, 3, 6]
    assert p.name == "MaxPool2D/MaxPool:0" and p.shape.as_list() == [None, 4, 4, 5]
    assert a.name == "AvgPool2D/AvgPool:0" and a.shape.as_list() == [None, 8, 8, 5]
    assert f.name == "Flatten/flatten/Reshape:0" and f.shape.as_list() == [None, 80]
    assert [v.name for v in tf.model_variables()][:2] == ["Conv/weights:0", "Conv/biases:0"]
    assert tf.model_variables()[0].shape.as_list() == [3, 3, 3, 5]
    with pytest.raises(ValueError, match="only NHWC"):
        layers.conv2d(images, 2, 3, data_format="NCHW")


def test_conv2d_transpose_shape_and_gradient():
    x = tf.constant(np.random.RandomState(0).randn(1, 3, 3, 2))
    y = layers.conv2d_transpose(x, 4, [3, 3], stride=2, activation_fn=None)
    v = layers.conv2d_transpose(x, 1, 2, stride=2, padding="VALID", scope="valid")
    assert y.shape.as_list() == [1, 6, 6, 4] and v.shape.as_list() == [1, 6, 6, 1]
    weights = tf.model_variables()[0]
    assert weights.name == "Conv2d_transpose/weights:0"
    assert weights.shape.as_list() == [3, 3, 4, 2]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert tf.test.compute_gradient_error(x, [1, 3, 3, 2], y, [1, 6, 6, 4]) < 1e-6


def test_arg_scope_defaults_nesting_and_reuse():
    x = tf.placeholder(tf.float32, [None, 3])
    with arg_scope([layers.fully_connected], activation_fn=tf.nn.tanh,
                   weights_initializer=tf.ones_initializer()) as outer:
        with arg_scope([layers.fully_connected], activation_fn=None):
            inner = layers.fully_connected(x, 2)
        same = layers.fully_connected(x, 2)
        explicit = layers.fully_connected(x, 2, activation_fn=tf.nn.sigmoid)
    with arg_scope(outer):
        again = layers.fully_connected(x, 2)
    plain = layers.fully_connected(x, 2)
    assert inner.op.type == "BiasAdd" and same.op.type == "Tanh"
    assert explicit.op.type == "Sigmoid" and again.op.type == "Tanh"
    assert plain.op.type == "Relu"
    assert (run(tf.model_variables()[0]) == 1).all()
    with pytest.raises(ValueError, match="is not decorated with @add_arg_scope"):
        with arg_scope([tf.nn.relu], x=1):
            pass
    with pytest.raises(ValueError, match="kwargs must be empty"):
        with arg_scope(outer, activation_fn=None):
            pass


def test_batch_norm_updates_collections():
    x = tf.constant(np.random.RandomState(1).rand(4, 2, 2, 3).astype(np.float32))
    y = layers.batch_norm(x, is_training=True)
    updates = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    assert len(updates) == 2
    names = [v.name for v in tf.global_variables()]
    assert names == ["BatchNorm/beta:0", "BatchNorm/moving_mean:0",
                     "BatchNorm/moving_variance:0"]
    assert [v.name for v in tf.model_variables()] == names
    z = layers.batch_norm(x, updates_collections=None, scale=True, decay=0.5)
    assert len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)) == 2  # in place: not collected
    layers.batch_norm(x, updates_collections="my_updates")
    assert len(tf.get_collection("my_updates")) == 2
    mean = [v for v in tf.global_variables() if v.name == "BatchNorm_1/moving_mean:0"][0]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        y_value = sess.run(y)
        sess.run(z)
        expected_mean = 0.5 * x.eval(session=sess).mean(axis=(0, 1, 2))
        np.testing.assert_allclose(sess.run(mean), expected_mean, rtol=1e-5)
    xv = run(x)
    normalized = (xv - xv.mean((0, 1, 2))) / np.sqrt(xv.var((0, 1, 2)) + 0.001)
    np.testing.assert_allclose(y_value, normalized, rtol=1e-4, atol=1e-5)
    with pytest.raises(NotImplementedError, match="batch_norm\\(renorm=...\\) is not supported"):
        layers.batch_norm(x, renorm=True)


def test_batch_norm_with_a_training_tensor():
    x = tf.constant(np.random.RandomState(2).rand(6, 3).astype(np.float32))
    training = tf.placeholder(tf.bool, [])
    y = layers.batch_norm(x, is_training=training, updates_collections=None)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        xv = sess.run(x)
        np.testing.assert_allclose(sess.run(y, {training: False}), xv / np.sqrt(1.001),
                                   rtol=1e-5)
        trained = sess.run(y, {training: True})
    np.testing.assert_allclose(trained, (xv - xv.mean(0)) / np.sqrt(xv.var(0) + 0.001),
                               rtol=1e-4, atol=1e-5)


def test_layer_norm_formula_and_gradient():
    x = tf.constant(np.random.RandomState(3).randn(2, 3, 4))
    y = layers.layer_norm(x, begin_norm_axis=-1)
    assert [v.name for v in tf.model_variables()] == ["LayerNorm/beta:0", "LayerNorm/gamma:0"]
    value, xv = run([y, x])
    expected = (xv - xv.mean(-1, keepdims=True)) / np.sqrt(xv.var(-1, keepdims=True) + 1e-12)
    np.testing.assert_allclose(value, expected, rtol=1e-8)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert tf.test.compute_gradient_error(x, [2, 3, 4], y, [2, 3, 4], delta=1e-6) < 1e-6
    with pytest.raises(ValueError, match="must be < rank"):
        layers.layer_norm(x, begin_norm_axis=3)


def test_dropout_one_hot_embed_repeat_stack():
    x = tf.ones([200, 50])
    kept = layers.dropout(x, keep_prob=0.8, seed=1)
    same = layers.dropout(x, is_training=False)
    value = run(kept)
    assert set(np.unique(value)) <= {0.0, 1.25} and 0.75 < (value > 0).mean() < 0.85
    assert (run(same) == 1).all()
    hot = layers.one_hot_encoding(tf.constant([0, 2]), 3, on_value=5.0)
    assert hot.name == "OneHotEncoding/one_hot:0"
    assert run(hot).tolist() == [[5, 0, 0], [0, 0, 5]]
    embedded = layers.embed_sequence(tf.constant([[1, 2, 1]]), vocab_size=4, embed_dim=2)
    table = tf.model_variables()[-1]
    assert table.name == "EmbedSequence/embeddings:0" and embedded.shape.as_list() == [1, 3, 2]
    e, t = run([embedded, table])
    np.testing.assert_array_equal(e[0], t[[1, 2, 1]])
    images = tf.placeholder(tf.float32, [None, 4, 4, 1])
    repeated = layers.repeat(images, 2, layers.conv2d, 2, [3, 3], scope="conv")
    stacked = layers.stack(tf.placeholder(tf.float32, [None, 3]), layers.fully_connected,
                           [4, 5], scope="fc")
    names = [v.name for v in tf.global_variables()]
    assert {"conv/conv_1/weights:0", "conv/conv_2/biases:0", "fc/fc_1/weights:0",
            "fc/fc_2/weights:0"} <= set(names)
    assert repeated.name == "conv/conv_2/Relu:0" and stacked.shape.as_list() == [None, 5]
    with pytest.raises(ValueError, match="stack_args need to be a list or tuple"):
        layers.stack(images, layers.conv2d, 3)


def test_regularizer_edge_cases_and_apply_regularization():
    assert layers.l1_regularizer(0.0)(tf.ones([2])) is None
    assert layers.l1_l2_regularizer(0.0, 0.0)(tf.ones([2])) is None
    assert layers.sum_regularizer([]) is None
    with pytest.raises(ValueError, match="scale cannot be an integer: 1"):
        layers.l2_regularizer(1)
    with pytest.raises(ValueError, match="Setting a scale less than 0 on a regularizer: -0.5"):
        layers.l1_regularizer(-0.5)
    w1 = tf.constant([1.0, -2.0])
    w2 = tf.constant([[3.0]])
    total = layers.apply_regularization(layers.l1_regularizer(0.5), [w1, w2])
    assert total.name == "get_regularization_penalty:0"
    assert total in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    assert run(total) == pytest.approx(0.5 * 6.0)
    with pytest.raises(ValueError, match="No weights to regularize."):
        layers.apply_regularization(layers.l1_regularizer(0.5))


def test_initializers_statistics_and_errors():
    big = tf.get_variable("big", [200, 300], initializer=layers.xavier_initializer(seed=1))
    normal = tf.get_variable("normal", [200, 300],
                             initializer=layers.variance_scaling_initializer(seed=2))
    b, n = run([big, normal])
    limit = np.sqrt(6.0 / 500)
    assert np.abs(b).max() <= limit and np.abs(b).max() > 0.99 * limit
    stddev = np.sqrt(1.3 * 2.0 / 200)
    assert np.abs(n).max() <= 2 * stddev + 1e-6
    # a normal truncated at 2 sigma has variance 0.774 sigma^2
    assert abs(n.std() / stddev - np.sqrt(0.7737)) < 0.01
    with pytest.raises(TypeError, match="non-floating point type"):
        layers.xavier_initializer(dtype=tf.int32)
    with pytest.raises(TypeError, match="Unknown mode FAN_SUM"):
        layers.variance_scaling_initializer(mode="FAN_SUM")


def test_optimize_loss():
    x = tf.constant([[1.0, 2.0]])
    w = tf.Variable([[0.5], [-0.5]], name="w")
    loss = tf.reduce_sum(tf.matmul(x, w) ** 2)
    step = tf.train.get_or_create_global_step()
    train = layers.optimize_loss(loss, step, 0.1, "SGD", clip_gradients=1.0,
                                 gradient_multipliers={w: 2.0},
                                 summaries=["loss", "gradients", "global_gradient_norm"])
    lr = [v for v in tf.global_variables() if v.name == "OptimizeLoss/learning_rate:0"]
    assert lr and lr[0] not in tf.trainable_variables()
    tags = sorted(s.op.name for s in tf.get_collection(tf.GraphKeys.SUMMARIES))
    assert tags[-1].startswith("OptimizeLoss/loss")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        value = sess.run(train)
        w_value, step_value = sess.run([w, step])
    # d loss / d w = 2 * (x @ w) * x = -1 * [1, 2]; times 2, clipped to norm 1, times lr 0.1.
    grad = 2.0 * -0.5 * np.array([1.0, 2.0]) * 2.0
    grad = grad / max(np.linalg.norm(grad), 1.0)
    np.testing.assert_allclose(w_value[:, 0], [0.5, -0.5] - 0.1 * grad, rtol=1e-6)
    assert step_value == 1 and value == pytest.approx(0.25)  # the loss before the update
    with pytest.raises(ValueError, match="Optimizer name should be one of"):
        layers.optimize_loss(loss, step, 0.1, "Nesterov")
    with pytest.raises(ValueError, match="Summaries should be one of"):
        layers.optimize_loss(loss, step, 0.1, "SGD", summaries=["weights"])
    adam = layers.optimize_loss(loss, step, 0.01, tf.train.AdamOptimizer, name="adam")
    assert adam.name.startswith("adam/")


def test_summaries():
    tf.Variable(tf.ones([2, 2]), name="w")
    s = tf.Variable(1.0, name="s")
    relu = tf.nn.relu(tf.constant([-1.0, 2.0]), name="act")
    tf.add_to_collection(tf.GraphKeys.ACTIVATIONS, relu)
    variables = layers.summarize_variables()
    assert [x.op.type for x in variables] == ["HistogramSummary", "ScalarSummary"]
    assert len(layers.summarize_variables("w")) == 1
    activation = layers.summarize_activations()
    assert len(activation) == 1
    tags = [op.name for op in tf.get_default_graph().get_operations()
            if op.type.endswith("Summary")]
    assert any(t.startswith("act/zero_fraction") for t in tags)
    assert layers.summarize_tensor(s, tag="mine").op.type == "ScalarSummary"
