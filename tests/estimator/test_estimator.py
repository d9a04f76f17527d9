"""tf.estimator against TF 1.15's documented behaviour (TF 2.21, the oracle, no longer ships
tf.estimator) and against the same model trained by hand."""

import os

import numpy as np
import pytest

import tfcompat as tf

X = np.linspace(-1, 1, 10).astype(np.float32).reshape(10, 1)
Y = (3.0 * X + 0.5).astype(np.float32)
LR = 0.1


def linear_model_fn(features, labels, mode, params):
    w = tf.get_variable("w", [1, 1], initializer=tf.zeros_initializer())
    b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
    predictions = tf.matmul(features["x"], w) + b
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"y": predictions,
                                                             "twice": 2 * predictions})
    loss = tf.reduce_mean(tf.square(predictions - labels))
    if mode == tf.estimator.ModeKeys.EVAL:
        mae = tf.metrics.mean_absolute_error(labels, predictions)
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"mae": mae})
    train_op = tf.train.GradientDescentOptimizer(params["lr"]).minimize(
        loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def _numpy_gd(steps, batch_size):
    """The same training in numpy: batches run through epochs back to back."""
    w, b = 0.0, 0.0
    order = np.concatenate([np.arange(10)] * (steps * batch_size // 10 + 2))
    for step in range(steps):
        rows = order[step * batch_size:(step + 1) * batch_size]
        x, y = X[rows, 0], Y[rows, 0]
        err = w * x + b - y
        w, b = w - LR * np.mean(2 * err * x), b - LR * np.mean(2 * err)
    return w, b


def _input_fn(num_epochs=None, batch_size=4):
    return tf.estimator.inputs.numpy_input_fn({"x": X}, Y, batch_size=batch_size,
                                              num_epochs=num_epochs, shuffle=False)


def test_train_matches_hand_written_gradient_descent_and_writes_model_dir(tmp_path):
    est = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path), params={"lr": LR},
                                 config=tf.estimator.RunConfig(save_checkpoints_steps=10))
    assert est.train(_input_fn(), steps=20) is est
    w, b = _numpy_gd(20, 4)
    np.testing.assert_allclose(est.get_variable_value("w"), [[w]], rtol=1e-5)
    np.testing.assert_allclose(est.get_variable_value("b"), [b], rtol=1e-5)
    assert sorted(est.get_variable_names()) == ["b", "global_step", "w"]
    files = sorted(f for f in os.listdir(tmp_path) if not f.startswith("events.out"))
    assert files == ["checkpoint", "graph.pbtxt"] + [
        f"model.ckpt-{n}.{ext}" for n in (0, 10, 20)
        for ext in ("data-00000-of-00001", "index", "meta")]
    # The Estimator's Saver writes relative paths into the checkpoint state.
    assert 'model_checkpoint_path: "model.ckpt-20"' in open(tmp_path / "checkpoint").read()
    # max_steps already reached: nothing to do.
    est.train(_input_fn(), max_steps=20)
    assert est.get_variable_value("global_step") == 20
    est.train(_input_fn(), steps=3)
    assert est.latest_checkpoint().endswith("model.ckpt-23")


def test_train_until_the_input_ends_then_evaluate_and_predict(tmp_path):
    est = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path), params={"lr": LR})
    est.train(_input_fn(num_epochs=2))   # 20 rows in batches of 4: 5 steps
    assert est.get_variable_value("global_step") == 5
    w, b = _numpy_gd(5, 4)
    results = est.evaluate(_input_fn(num_epochs=1, batch_size=5))
    assert sorted(results) == ["global_step", "loss", "mae"]
    assert results["global_step"] == 5
    pred = w * X[:, 0] + b
    np.testing.assert_allclose(results["mae"], np.mean(np.abs(pred - Y[:, 0])), rtol=1e-5)
    np.testing.assert_allclose(results["loss"], np.mean((pred - Y[:, 0]) ** 2), rtol=1e-5)
    assert os.listdir(tmp_path / "eval")[0].startswith("events.out")
    stepped = est.evaluate(_input_fn(num_epochs=None, batch_size=3), steps=2, name="two")
    assert os.path.isdir(tmp_path / "eval_two") and stepped["global_step"] == 5
    preds = list(est.predict(_input_fn(num_epochs=1, batch_size=4)))
    assert len(preds) == 10 and sorted(preds[0]) == ["twice", "y"]
    np.testing.assert_allclose([p["y"][0] for p in preds], pred, rtol=1e-5)
    only = list(est.predict(_input_fn(num_epochs=1), predict_keys=["y"],
                            yield_single_examples=False))
    assert [sorted(p) for p in only] == [["y"], ["y"], ["y"]]


def test_train_and_evaluate_evaluates_the_final_checkpoint(tmp_path):
    est = tf.estimator.Estimator(linear_model_fn, params={"lr": LR},
                                 config=tf.estimator.RunConfig(model_dir=str(tmp_path),
                                                               save_checkpoints_steps=4))
    metrics, exports = tf.estimator.train_and_evaluate(
        est, tf.estimator.TrainSpec(_input_fn(), max_steps=10),
        tf.estimator.EvalSpec(_input_fn(num_epochs=1), steps=None, throttle_secs=0))
    assert metrics["global_step"] == 10 and exports == []
    assert 0 < metrics["loss"] < 1


def test_model_fn_and_argument_errors(tmp_path):
    with pytest.raises(ValueError, match="must include features argument"):
        tf.estimator.Estimator(lambda labels: None)
    with pytest.raises(ValueError, match="has following not expected args"):
        tf.estimator.Estimator(lambda features, extra: None)
    with pytest.raises(ValueError, match="does not include params argument"):
        tf.estimator.Estimator(lambda features: None, params={"a": 1})
    est = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path), params={"lr": LR})
    with pytest.raises(ValueError, match="Can not provide both steps and max_steps."):
        est.train(_input_fn(), steps=1, max_steps=1)
    with pytest.raises(ValueError, match="Must specify steps > 0, given: 0"):
        est.train(_input_fn(), steps=0)
    with pytest.raises(ValueError, match="`model_dir` are set both in constructor"):
        tf.estimator.Estimator(linear_model_fn, model_dir="a", params={},
                               config=tf.estimator.RunConfig(model_dir="b"))
    with pytest.raises(ValueError, match="cannot be both set"):
        tf.estimator.RunConfig(save_checkpoints_steps=1, save_checkpoints_secs=1)
    with pytest.raises(ValueError, match="Missing train_op"):
        with tf.Graph().as_default():
            tf.estimator.EstimatorSpec(tf.estimator.ModeKeys.TRAIN, loss=tf.constant(1.0))
    with pytest.raises(ValueError, match="shuffle must be provided"):
        tf.estimator.inputs.numpy_input_fn({"x": X})
    with pytest.raises(TypeError, match="without pandas installed"):
        import importlib.util
        if importlib.util.find_spec("pandas") is not None:
            raise TypeError("pandas_input_fn should not be called without pandas installed")
        tf.estimator.inputs.pandas_input_fn(None)


def test_numpy_input_fn_batches_span_epochs_and_end_with_out_of_range():
    with tf.Graph().as_default():
        features = tf.estimator.inputs.numpy_input_fn(
            np.arange(5), batch_size=2, num_epochs=2, shuffle=False)()
        with tf.train.MonitoredSession() as sess:
            batches = []
            while not sess.should_stop():
                batches.append(sess.run(features).tolist())
        assert batches == [[0, 1], [2, 3], [4, 0], [1, 2], [3, 4]]
    with tf.Graph().as_default():
        shuffled = tf.estimator.inputs.numpy_input_fn(
            {"a": np.arange(6)}, batch_size=6, num_epochs=1, shuffle=True)()
        with tf.train.MonitoredSession() as sess:
            assert sorted(sess.run(shuffled)["a"].tolist()) == list(range(6))


def test_warm_start_from_another_model_dir(tmp_path):
    first = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path / "a"),
                                   params={"lr": LR})
    first.train(_input_fn(), steps=5)
    settings = tf.estimator.WarmStartSettings(str(tmp_path / "a"), vars_to_warm_start="w")
    second = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path / "b"),
                                    params={"lr": 0.0}, warm_start_from=settings)
    second.train(_input_fn(), steps=1)
    np.testing.assert_allclose(second.get_variable_value("w"), first.get_variable_value("w"))
    np.testing.assert_allclose(second.get_variable_value("b"), [0.0])
    with pytest.raises(ValueError, match="MUST be set"):
        tf.estimator.WarmStartSettings("")


class _FakeDataset:
    """The tf.data protocol the Estimator uses: an initializable iterator (a test double
    reading X, Y by batches of 5 through a counter that the initializer resets)."""

    def make_initializable_iterator(self):
        return _FakeIterator()


class _FakeIterator:
    def __init__(self):
        self._position = tf.Variable(0, dtype=tf.int64, trainable=False,
                                     collections=[tf.GraphKeys.LOCAL_VARIABLES])
        self.initializer = tf.assign(self._position, 0).op

    def get_next(self):
        start = tf.assign_add(self._position, 5) - 5
        rows = tf.range(start, start + 5) % 10
        return {"x": tf.gather(tf.constant(X), rows)}, tf.gather(tf.constant(Y), rows)


def test_input_fn_may_return_a_dataset(tmp_path):
    est = tf.estimator.Estimator(linear_model_fn, model_dir=str(tmp_path), params={"lr": LR})
    est.train(lambda: _FakeDataset(), steps=4)
    w, _ = _numpy_gd(4, 5)
    np.testing.assert_allclose(est.get_variable_value("w"), [[w]], rtol=1e-5)
    results = est.evaluate(lambda: _FakeDataset(), steps=2)
    assert results["global_step"] == 4
