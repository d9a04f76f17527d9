"""Random ops against values recorded from TensorFlow 2.21, plus seeds, graphs and errors."""

from __future__ import annotations

import json
import time
import types

import numpy as np
import pytest

import tfcompat
from tests.ops import random_ops_oracle as oracle
from tfcompat.framework import errors, op_registry, random_seed
from tfcompat.ops import c_math, random_ops
from tfcompat.ops.philox import PhiloxStream, philox_blocks

RECORDED = json.loads(oracle.DATA_PATH.read_text())


def _public(namespace) -> dict:
    """Every public name of a tfcompat namespace, its lazy ones loaded."""
    return {name: getattr(namespace, name) for name in dir(namespace) if not name.startswith("_")}


def _tf_namespace():
    """tfcompat's ``tf`` namespace with the random API attached (as the lead exports it)."""
    tf = types.SimpleNamespace(**_public(tfcompat))
    tf.set_random_seed = random_seed.set_random_seed
    tf.get_seed = random_seed.get_seed
    tf.random_uniform = random_ops.random_uniform
    tf.random_normal = random_ops.random_normal
    tf.truncated_normal = random_ops.truncated_normal
    tf.random_shuffle = random_ops.random_shuffle
    tf.multinomial = random_ops.multinomial
    tf.random = types.SimpleNamespace(categorical=random_ops.categorical)
    return tf


tf = _tf_namespace()


@pytest.mark.parametrize("name", sorted(oracle.CASES))
def test_matches_recorded_tensorflow_values(name, monkeypatch):
    monkeypatch.setattr(random_ops, "_THREADS", RECORDED["threads"])
    got = oracle.evaluate(tf, oracle.CASES[name])
    want = RECORDED[name]
    assert got["names"] == want["names"]
    assert got["static_shapes"] == want["static_shapes"]
    assert got["seeds"] == want["seeds"]
    for run_index, (got_run, want_run) in enumerate(zip(got["runs"], want["runs"])):
        for output_index, (g, w) in enumerate(zip(got_run, want_run)):
            assert g == w, f"run {run_index}, output {output_index} ({want['names'][output_index]})"


def test_seed_article_values():
    graph = tfcompat.Graph()
    with graph.as_default():
        tf.set_random_seed(1)
        u = tf.random_uniform([3])
        n = tf.random_normal([2])
        with tfcompat.Session() as sess:
            assert sess.run(u).tolist() == np.float32([0.81269646, 0.07857466, 0.8916855]).tolist()
            assert sess.run(n).tolist() == np.float32([0.28183395, 2.3878284]).tolist()
    with tfcompat.Graph().as_default():
        u = tf.random_uniform([3], seed=5)
        with tfcompat.Session() as sess:
            assert sess.run(u).tolist() == np.float32([0.38831127, 0.6636828, 0.19191074]).tolist()


# ---- seeds -----------------------------------------------------------------------------------

def test_get_seed_semantics():
    with tfcompat.Graph().as_default():
        assert tf.get_seed(None) == (None, None)
        assert tf.get_seed(5) == (87654321, 5)
        assert tf.get_seed(0) == (87654321, 0)
        tf.set_random_seed(1)
        # Only requests without an op seed advance the graph's counter.
        assert [tf.get_seed(None), tf.get_seed(None), tf.get_seed(7), tf.get_seed(None)] == [
            (1, 0), (1, 1), (1, 7), (1, 2)]
        tf.set_random_seed(0)
        assert tf.get_seed(None) == (0, 3)
        assert tf.get_seed(0) == (0, 2**31 - 1)
        tf.set_random_seed(None)
        assert tf.get_seed(None) == (None, None)
        assert tf.get_seed(3) == (87654321, 3)


def test_seeds_are_taken_modulo_int32_max():
    with tfcompat.Graph().as_default():
        assert tf.get_seed(2**31) == (87654321, 1)
        assert tf.get_seed(-1) == (87654321, 2**31 - 2)
        assert tf.get_seed(2**63 - 1) == (87654321, 1)
        assert tf.get_seed(2**31 - 1) == (87654321, 0)
        tf.set_random_seed(2**40)
        assert tf.get_seed(None) == (512, 0)
        tf.set_random_seed(2**31 - 1)
        assert tf.get_seed(None) == (0, 1)
        tf.set_random_seed(-3)
        assert tf.get_seed(None) == (2147483644, 2)


def test_graph_seed_is_per_graph():
    first = tfcompat.Graph()
    with first.as_default():
        tf.set_random_seed(3)
        tf.get_seed(None)
    with tfcompat.Graph().as_default() as second:
        assert second.seed is None
        assert tf.get_seed(None) == (None, None)
    with first.as_default():
        assert tf.get_seed(None) == (3, 1)


def test_unseeded_ops_have_zero_seed_attrs_and_draw_fresh_numbers():
    with tfcompat.Graph().as_default():
        u = tf.random_uniform([4])
        assert (u.op.get_attr("seed"), u.op.get_attr("seed2")) == (0, 0)
        with tfcompat.Session() as sess:
            a, b = sess.run(u), sess.run(u)
        with tfcompat.Session() as sess:
            c = sess.run(u)
    assert not np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.all((a >= 0) & (a < 1))


def test_stream_is_shared_by_the_runs_of_different_fetch_lists():
    with tfcompat.Graph().as_default():
        u = tf.random_uniform([3], seed=5)
        doubled = u * 2
        with tfcompat.Session() as sess:
            first = sess.run(u)
            second = sess.run(doubled)
        with tfcompat.Session() as sess:
            expected = sess.run(u), sess.run(u)
    assert first.tolist() == expected[0].tolist()
    assert second.tolist() == (expected[1] * 2).tolist()


# ---- graph construction ----------------------------------------------------------------------

def _op_summary(graph):
    return [(op.name, op.type) for op in graph.get_operations()]


def test_random_uniform_builds_tf_graph():
    with tfcompat.Graph().as_default() as graph:
        assert tf.random_uniform([2]).name == "random_uniform/RandomUniform:0"
        assert tf.random_uniform([2], maxval=2.0).name == "random_uniform_1/Mul:0"
        assert tf.random_uniform([2], minval=1.0, maxval=3.0).name == "random_uniform_2:0"
        # Only the Python ints 0 and 1 skip the rescaling.
        assert tf.random_uniform([2], minval=0.0, maxval=1).name == "random_uniform_3:0"
        assert tf.random_uniform([2], maxval=5, dtype=tfcompat.int64).name == "random_uniform_4:0"
    assert _op_summary(graph)[:2] == [("random_uniform/shape", "Const"),
                                      ("random_uniform/RandomUniform", "RandomUniform")]
    assert _op_summary(graph)[7:14] == [
        ("random_uniform_2/shape", "Const"), ("random_uniform_2/min", "Const"),
        ("random_uniform_2/max", "Const"), ("random_uniform_2/RandomUniform", "RandomUniform"),
        ("random_uniform_2/sub", "Sub"), ("random_uniform_2/mul", "Mul"),
        ("random_uniform_2", "AddV2")]
    assert ("random_uniform_4", "RandomUniformInt") in _op_summary(graph)


def test_normal_shuffle_and_multinomial_build_tf_graphs():
    with tfcompat.Graph().as_default() as graph:
        tf.truncated_normal([2], name="tn")
        tf.random_shuffle([1, 2], name="sh")
        tf.multinomial([[1.0, 2.0]], 2, name="mm")
    assert _op_summary(graph) == [
        ("tn/shape", "Const"), ("tn/mean", "Const"), ("tn/stddev", "Const"),
        ("tn/TruncatedNormal", "TruncatedNormal"), ("tn/mul", "Mul"), ("tn", "AddV2"),
        ("sh/value", "Const"), ("sh", "RandomShuffle"),
        ("mm/logits", "Const"), ("mm/Multinomial/num_samples", "Const"),
        ("mm/Multinomial", "Multinomial")]


def test_static_shapes():
    with tfcompat.Graph().as_default():
        dims = tfcompat.placeholder(tfcompat.int32, [2])
        assert str(tf.random_uniform(dims).shape) == "(?, ?)"
        assert str(tf.random_uniform(tfcompat.placeholder(tfcompat.int32)).shape) == "<unknown>"
        assert str(tf.random_uniform([-1, 3]).shape) == "(?, 3)"
        assert str(tf.random_uniform([2, tfcompat.constant(3)]).shape) == "(2, 3)"
        assert str(tf.random_uniform(tfcompat.TensorShape([2, 3])).shape) == "(2, 3)"
        assert str(tf.multinomial([[1.0, 2.0]], tfcompat.placeholder(tfcompat.int32)).shape) == \
            "(1, ?)"
        assert str(tf.random_shuffle(tfcompat.placeholder(tfcompat.float32)).shape) == "<unknown>"


def test_gradients():
    with tfcompat.Graph().as_default():
        x = tfcompat.constant([1.0, 2.0, 3.0])
        assert tfcompat.gradients(tf.random_shuffle(x), x) == [None]
        mean, stddev = tfcompat.constant(0.5), tfcompat.constant(2.0)
        grads = tfcompat.gradients(tf.random_normal([3], mean=mean, stddev=stddev), [mean, stddev])
        assert all(g is not None for g in grads)
    for op_type in ("RandomUniform", "RandomStandardNormal", "TruncatedNormal", "RandomShuffle",
                    "Multinomial"):
        assert op_registry.get_gradient_function(op_type) is None
    with pytest.raises(LookupError):
        op_registry.get_gradient_function("RandomUniformInt")


# ---- errors ----------------------------------------------------------------------------------

def test_construction_errors():
    with tfcompat.Graph().as_default():
        with pytest.raises(ValueError, match="^Must specify maxval for integer dtype tf.int32$"):
            tf.random_uniform([2], dtype=tfcompat.int32)
        with pytest.raises(ValueError, match=r"^Argument `dtype` got invalid value <dtype: 'bool'>"
                                             r"\. Accepted dtypes are \(tf.float16, tf.bfloat16, "
                                             r"tf.float32, tf.float64, tf.int32, tf.int64\)\.$"):
            tf.random_uniform([2], dtype=tfcompat.bool)
        with pytest.raises(ValueError, match="^Invalid value in tensor used for shape: -2$"):
            tf.random_uniform([-2, 3])
        with pytest.raises(ValueError, match=r"^Shape must be rank 1 but is rank 0 for "
                                             r"'\{\{node random_uniform_\d/RandomUniform\}\}"):
            tf.random_uniform(3)
        with pytest.raises(TypeError, match="'shape' has DataType float32 not in list"):
            tf.random_uniform([2.0])
        with pytest.raises(ValueError, match="^minval must be a scalar; got a tensor of shape "
                                             r"\[2\] for '\{\{node random_uniform_\d\}\}"):
            tf.random_uniform([2], minval=[1, 2], maxval=3, dtype=tfcompat.int32)
        with pytest.raises(ValueError, match="^Shape must be rank 2 but is rank 1 for "
                                             r"'\{\{node multinomial/Multinomial\}\}"):
            tf.multinomial([0.1, 0.2], 3)
        with pytest.raises(ValueError, match="must be non-negative but is -1"):
            tf.multinomial([[0.1, 0.2]], -1)


def _run_error(tensor, feed_dict=None) -> str:
    with tfcompat.Session() as sess, pytest.raises(errors.InvalidArgumentError) as info:
        sess.run(tensor, feed_dict)
    return info.value.message


def test_run_errors():
    with tfcompat.Graph().as_default():
        dims = tfcompat.placeholder(tfcompat.int32, [2])
        assert "Dimension -1 must be >= 0" in _run_error(tf.random_uniform(dims), {dims: [-1, 2]})
        assert "Need minval < maxval, got 3 >= 3" in _run_error(
            tf.random_uniform([2], minval=3, maxval=3, dtype=tfcompat.int32))
        assert "num_classes should be positive, got 0" in _run_error(
            tf.multinomial(tfcompat.zeros([2, 0]), 3))


# ---- internals: Philox and the C-library-exact Box-Muller ------------------------------------

def test_philox_carries_into_the_high_counter_words():
    wrapped = philox_blocks(1, 2**64 - 1, 2)
    assert wrapped[1].tolist() == philox_blocks(1, 2**64, 1)[0].tolist()
    stream = PhiloxStream(1, 0)
    stream.counter = 2**128 - 1
    assert stream.reserve(2) == 2**128 - 1 and stream.counter == 1


@pytest.mark.skipif(c_math._LIBM is None, reason="no C math library to compare with")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_c_math_matches_the_c_library(dtype):
    rng = np.random.default_rng(0)
    x = rng.uniform(1e-7, 1.0, 20000).astype(dtype)
    angle = (rng.uniform(0, 1, 20000) * 2 * np.pi).astype(dtype)
    for name, values in (("log", x), ("sin", angle), ("cos", angle)):
        c_fn = c_math._C_FUNCTIONS[(name, dtype)]
        want = np.array([c_fn(float(v)) for v in values], dtype=dtype)
        assert np.array_equal(getattr(c_math, name)(values), want), name


def test_million_uniform_draw_is_fast():
    with tfcompat.Graph().as_default():
        u = tf.random_uniform([1000, 1000], seed=1)
        with tfcompat.Session() as sess:
            sess.run(u)
            start = time.perf_counter()
            sess.run(u)
            elapsed = time.perf_counter() - start
    assert elapsed < 0.5
