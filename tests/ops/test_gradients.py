"""tf.gradients machinery beyond the op table: custom gradients, overrides, the checker and
explain_gradient. (TF-recorded behaviour is in conformance/cases/gradients and seed.)"""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient


def _train_to_target(make_output, steps=60):
    x = tf.Variable([0.3, 1.7, 2.4])
    y = make_output(x)
    loss = tf.reduce_sum(tf.square(y - tf.constant([2.0, 0.0, 4.0])))
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    with tf.Session() as sess:
        sess.run(x.initializer)
        for _ in range(steps):
            sess.run(train)
        return sess.run(y)


def test_straight_through_estimator_trains_with_stop_gradient():
    out = _train_to_target(lambda x: x + tf.stop_gradient(tf.round(x) - x))
    np.testing.assert_array_equal(out, [2.0, 0.0, 4.0])


def test_straight_through_estimator_trains_with_custom_gradient():
    @tf.custom_gradient
    def round_st(x):
        return tf.round(x), lambda dy: dy

    out = _train_to_target(round_st)
    np.testing.assert_array_equal(out, [2.0, 0.0, 4.0])


def test_custom_gradient_function_is_used_and_inner_ops_are_cut():
    @tf.custom_gradient
    def log1pexp(x):
        e = tf.exp(x)
        return tf.log(1 + e), lambda dy: dy * (1 - 1 / (1 + e))

    x = tf.constant(100.0)
    y = log1pexp(x)
    (g,) = tf.gradients(y, x)
    with tf.Session() as sess:
        assert sess.run(g) == pytest.approx(1.0)


def test_gradient_override_map_replaces_the_gradient():
    @tf.RegisterGradient("TestDoubleGrad")
    def _double(op, grad):
        return grad * 2.0

    x = tf.constant(3.0)
    with tf.get_default_graph().gradient_override_map({"Identity": "TestDoubleGrad"}):
        y = tf.identity(x)
    with tf.Session() as sess:
        assert sess.run(tf.gradients(y, x)[0]) == 2.0


def test_registering_a_gradient_twice_raises_key_error():
    tf.RegisterGradient("TestOnce")(lambda op, grad: grad)
    with pytest.raises(KeyError, match="Registering two gradient with name 'TestOnce'"):
        tf.RegisterGradient("TestOnce")(lambda op, grad: grad)


def test_compute_gradient_error_is_small_for_a_correct_gradient():
    x = tf.placeholder(tf.float64, [2, 3])
    y = tf.reduce_sum(tf.sin(x) * x, axis=1)
    with tf.Session():
        error = tf.test.compute_gradient_error(x, [2, 3], y, [2],
                                               x_init_value=np.linspace(0, 1, 6).reshape(
                                                   2, 3), delta=1e-6)
    assert error < 1e-8


def test_compute_gradient_detects_a_wrong_gradient():
    @tf.RegisterGradient("TestWrongSquareGrad")
    def _wrong(op, grad):
        return grad * op.inputs[0]  # misses the factor 2

    x = tf.placeholder(tf.float64, [3])
    with tf.get_default_graph().gradient_override_map({"Square": "TestWrongSquareGrad"}):
        y = tf.square(x)
    with tf.Session():
        theoretical, numerical = compute_gradient(x, [3], y, [3],
                                                  x_init_value=np.array([1.0, 2.0, 3.0]))
    np.testing.assert_allclose(np.diag(numerical), [2.0, 4.0, 6.0], rtol=1e-6)
    np.testing.assert_allclose(np.diag(theoretical), [1.0, 2.0, 3.0])


def test_hessians_of_a_quadratic_form():
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = tf.placeholder(tf.float64, [2])
    y = 0.5 * tf.reduce_sum(x * tf.squeeze(tf.matmul(tf.constant(a), tf.expand_dims(x, 1))))
    (h,) = tf.hessians(y, x)
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(h, {x: [0.5, -1.0]}), a)


def test_third_derivative_of_pow_is_zero_seed_example_7():
    with tf.device("/cpu:0"):
        a = tf.constant(1.0)
        b = tf.pow(a, 2)
        g1 = tf.gradients(b, a)
        g2 = tf.gradients(g1, a)
        g3 = tf.gradients(g2, a)
    assert str(g1[0]) == ('Tensor("gradients/Pow_grad/mul_1:0", shape=(), dtype=float32, '
                          'device=/device:CPU:0)')
    with tf.Session() as sess:
        assert sess.run(g1 + g2 + g3) == [2.0, 2.0, 0.0]


class TestExplainGradient:
    def test_unconnected_seed_example_2(self):
        a = tf.ones([1, 2])
        b = tf.ones([3, 1])
        result = tf.explain_gradient([b], a, print_result=False)
        assert not result.has_gradient and result.paths == []
        assert "there is no path" in str(result)

    def test_stop_gradient_seed_example_4(self, capsys):
        w1 = tf.Variable(2.0, name="w1")
        w2 = tf.Variable(2.0, name="w2")
        b = tf.multiply(tf.stop_gradient(tf.multiply(w1, 3.0)), w2)
        result = tf.explain_gradient(b, w1)
        assert not result.has_gradient
        (path,) = result.paths
        assert path.op_names == ["w1", "w1/read", "Mul", "StopGradient", "Mul_1"]
        assert [(bl.op_name, bl.op_type) for bl in path.blockers] == [("StopGradient",
                                                                         "StopGradient")]
        assert "blocked at StopGradient" in capsys.readouterr().out
        assert tf.explain_gradient(b, w2, print_result=False).has_gradient

    def test_integer_casts_not_differentiable_ops_and_missing_gradients(self):
        x = tf.placeholder(tf.float32, [3], name="x")
        y = tf.cast(tf.cast(x, tf.int32), tf.float32) + tf.floor(x) + tf.reduce_sum(
            tf.unique(x)[0])
        result = tf.explain_gradient(y, x, print_result=False)
        reasons = {bl.op_name: bl.reason for p in result.paths for bl in p.blockers}
        assert "int32" in reasons["Cast"]
        assert "not differentiable" in reasons["Floor"]
        assert "LookupError" in reasons["Unique"]
        assert not result.has_gradient
        with pytest.raises(LookupError, match="operation'Unique'"):
            tf.gradients(y, x)
        assert tf.gradients(tf.cast(tf.cast(x, tf.int32), tf.float32) + tf.floor(x), x) == [None]

    def test_stop_gradients_argument(self):
        a = tf.constant(0.0, name="a")
        b = 2 * a
        result = tf.explain_gradient(a + b, a, stop_gradients=[b], print_result=False)
        assert result.has_gradient
        blocked = [p for p in result.paths if not p.open]
        assert blocked[0].blockers[0].reason == "listed in stop_gradients"

    def test_agrees_with_tf_gradients_on_none(self):
        x = tf.placeholder(tf.float32, [2])
        for y in [tf.reduce_sum(x * 2.0), tf.stop_gradient(x) * 2.0, tf.argmax(x) * 1,
                  tf.round(x) + tf.sign(x)]:
            explained = tf.explain_gradient(y, x, print_result=False).has_gradient
            assert explained == (tf.gradients(y, x)[0] is not None)
