"""Batch normalization: tf.nn.batch_normalization, tf.nn.fused_batch_norm and
tf.layers.batch_normalization against TF 2.21 (recorded values) and numerical gradients.

The same programs, with more output, are recorded in conformance/cases/batchnorm.
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.ops import batch_norm
from tfcompat.testing import gradient_checker


@pytest.fixture(name="layers")
def _layers():
    from tfcompat import layers
    return layers


def _bn_reference(x, mean, var, offset, scale, eps):
    return (x - mean) / np.sqrt(var + eps) * scale + offset


def test_nn_batch_normalization_graph_and_values():
    x_val = np.random.RandomState(0).randn(4, 3).astype(np.float32)
    x = tf.placeholder(tf.float32, [None, 3])
    y = batch_norm.batch_normalization(x, 0.5, 2.0, 0.25, None, 1e-3, name="bn")
    assert y.name == "bn/add:0"
    assert [op.type for op in tf.get_default_graph().get_operations()
            if op.name.startswith("bn/")] == ["Const", "Rsqrt", "Mul", "Const", "Mul", "Const",
                                               "Sub", "AddV2"]
    with tf.Session() as sess:
        got = sess.run(y, {x: x_val})
    np.testing.assert_allclose(got, _bn_reference(x_val, 0.5, 2.0, 0.25, 1.0, 1e-3), rtol=1e-5,
                               atol=1e-6)


def test_nn_batch_normalization_gradients_to_every_input():
    rng = np.random.RandomState(1)
    values = [rng.randn(3, 2), rng.randn(2), rng.rand(2) + 0.5, rng.randn(2), rng.randn(2)]
    xs = [tf.constant(v) for v in values]
    y = batch_norm.batch_normalization(*xs, variance_epsilon=1e-3)
    with tf.Session():
        for x, v in zip(xs, values):
            err = gradient_checker.compute_gradient_error(x, list(v.shape), y, [3, 2],
                                                          x_init_value=v, delta=1e-6)
            assert err < 1e-6


@pytest.mark.parametrize("data_format", ["NHWC", "NCHW"])
def test_fused_batch_norm_matches_numpy(data_format):
    rng = np.random.RandomState(2)
    x_val = rng.randn(3, 2, 4, 2).astype(np.float32)
    axes = (0, 1, 2) if data_format == "NHWC" else (0, 2, 3)
    shape = (1, 1, 1, 2) if data_format == "NHWC" else (1, 2, 1, 1)
    scale, offset = np.array([1.5, 0.5], np.float32), np.array([0.1, -0.3], np.float32)
    y, mean, var = batch_norm.fused_batch_norm(x_val, scale, offset, data_format=data_format)
    moving = batch_norm.fused_batch_norm(x_val, scale, offset, mean=[0.2, 0.1],
                                         variance=[1.0, 2.0], exponential_avg_factor=0.25,
                                         data_format=data_format)
    infer = batch_norm.fused_batch_norm(x_val, scale, offset, mean=[0.2, 0.1],
                                        variance=[1.0, 2.0], is_training=False,
                                        data_format=data_format)
    with tf.Session() as sess:
        y_v, mean_v, var_v, moving_v, infer_v = sess.run([y, mean, var, moving, infer[0]])
    n = x_val.size // 2
    np.testing.assert_allclose(mean_v, x_val.mean(axes), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(var_v, x_val.var(axes) * n / (n - 1), rtol=1e-5)
    np.testing.assert_allclose(y_v, _bn_reference(
        x_val, x_val.mean(axes).reshape(shape), x_val.var(axes).reshape(shape),
        offset.reshape(shape), scale.reshape(shape), 1e-3), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(moving_v[1], 0.75 * np.array([0.2, 0.1]) + 0.25 * mean_v,
                               rtol=1e-5)
    np.testing.assert_allclose(moving_v[2], 0.75 * np.array([1.0, 2.0]) + 0.25 * var_v,
                               rtol=1e-5)
    np.testing.assert_allclose(infer_v, _bn_reference(
        x_val, np.reshape([0.2, 0.1], shape), np.reshape([1.0, 2.0], shape),
        offset.reshape(shape), scale.reshape(shape), 1e-3), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("is_training", [True, False])
@pytest.mark.parametrize("data_format", ["NHWC", "NCHW"])
def test_fused_batch_norm_first_and_second_order_gradients(is_training, data_format):
    # FusedBatchNormV3 is float32-only (as in TF), so the tolerances are float32's.
    rng = np.random.RandomState(3)
    x_val = rng.randn(2, 2, 3, 2).astype(np.float32)
    scale_val = np.array([1.2, 0.7], np.float32)
    x, scale = tf.constant(x_val), tf.constant(scale_val)
    offset = tf.constant([0.3, -0.1])
    stats = {} if is_training else {"mean": [0.1, -0.2], "variance": [0.8, 1.5]}
    y = batch_norm.fused_batch_norm(x, scale, offset, is_training=is_training,
                                    data_format=data_format, **stats)[0]
    weights = tf.constant(rng.randn(2, 2, 3, 2).astype(np.float32))
    loss = tf.reduce_sum(y * tf.sin(y) * weights)
    dx = tf.gradients(loss, x)[0]
    assert dx.op.type == "FusedBatchNormGradV3"
    second = tf.reduce_sum(dx * dx)
    with tf.Session():
        for target in (loss, second):
            for var, value in ((x, x_val), (scale, scale_val)):
                analytic, numeric = gradient_checker.compute_gradient(
                    var, list(value.shape), target, [], x_init_value=value, delta=1e-2)
                np.testing.assert_allclose(analytic, numeric, rtol=1e-2,
                                           atol=2e-3 * np.abs(analytic).max())


def test_fused_batch_norm_errors():
    with pytest.raises(ValueError, match=r"^Both `mean` and `variance` must be a 1D tensor"):
        batch_norm.fused_batch_norm(tf.ones([1, 2, 2, 3]), [1.0] * 3, [0.0] * 3,
                                    is_training=False)
    with pytest.raises(ValueError, match="Shape must be rank 4 but is rank 2"):
        batch_norm.fused_batch_norm(tf.ones([2, 3]), [1.0] * 3, [0.0] * 3)


def test_layer_variables_and_update_ops(layers):
    x = tf.placeholder(tf.float32, [None, 3])
    y = layers.batch_normalization(x, training=True)
    assert y.name == "batch_normalization/batchnorm/add_1:0"
    assert [v.name for v in tf.global_variables()] == [
        "batch_normalization/gamma:0", "batch_normalization/beta:0",
        "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"]
    assert [v.name for v in tf.trainable_variables()] == [
        "batch_normalization/gamma:0", "batch_normalization/beta:0"]
    updates = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    assert [(op.name, op.type) for op in updates] == [
        ("batch_normalization/AssignMovingAvg", "AssignSub"),
        ("batch_normalization/AssignMovingAvg_1", "AssignSub")]
    inference = layers.batch_normalization(x, name="batch_normalization", reuse=True)
    assert inference.name == "batch_normalization_1/batchnorm/add_1:0"
    assert len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)) == 2
    x4 = tf.placeholder(tf.float32, [None, 2, 2, 3])
    fused = layers.BatchNormalization(name="bn4")
    assert fused(x4, training=True).name == "bn4/FusedBatchNormV3:0"
    assert fused.fused and [op.name for op in fused.updates] == [
        "bn4/AssignMovingAvg", "bn4/AssignMovingAvg_1"]


def test_layer_training_run_matches_tf(layers):
    """UPDATE_OPS as control dependencies of minimize; values recorded from TF 2.21 (a
    run-time training flag, which TF builds with tf.cond and tfcompat with SelectV2)."""
    rng = np.random.RandomState(3)
    x2 = tf.constant(rng.randn(6, 3).astype(np.float32))
    x4 = tf.constant(rng.randn(4, 2, 3, 2).astype(np.float32))
    flag = tf.placeholder(tf.bool, [])
    a = layers.batch_normalization(x2, training=flag, momentum=0.5)
    b = layers.batch_normalization(x4, training=flag, momentum=0.7, axis=1)
    loss = tf.reduce_sum(a * a * tf.constant([1.0, 2.0, 3.0])) + tf.reduce_sum(b * tf.sin(b))
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        losses = [sess.run([loss, train], {flag: f})[0] for f in (True, True, False, True, False)]
        moving = sess.run([v for v in tf.global_variables() if "moving" in v.name])
    np.testing.assert_allclose(losses, [68.1977, 14.437, 8.7328, 5.4084, 7.2333], rtol=1e-4)
    np.testing.assert_allclose(moving[0], [-0.0231, -0.0901, -0.1333], atol=1e-4)
    np.testing.assert_allclose(moving[1], [1.2687, 0.9334, 0.5880], atol=1e-4)
    np.testing.assert_allclose(moving[2], [-0.2587, 0.0222], atol=1e-4)
    np.testing.assert_allclose(moving[3], [1.2390, 1.0494], atol=1e-4)


def test_layer_errors(layers):
    x = tf.placeholder(tf.float32, [None, 3])
    with pytest.raises(ValueError, match=r"^Invalid value for `axis` argument\. Expected "
                                         r"0 <= axis < inputs\.rank \(with inputs\.rank=2\)\. "
                                         r"Received: axis=\(2,\)$"):
        layers.batch_normalization(x, axis=2)
    with pytest.raises(ValueError, match=r"^Input has undefined `axis` dimension"):
        layers.batch_normalization(tf.placeholder(tf.float32, [None, None]))
    with pytest.raises(NotImplementedError, match="renorm"):
        layers.BatchNormalization(renorm=True)
