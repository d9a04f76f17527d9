"""Feature columns against mathematical truth (numpy references) and TF 2.21's recorded
behaviour (names, parse specs, variables)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.ops.string_hash import fingerprint64

fc = tf.feature_column


def _run(tensor):
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
        return sess.run(tensor)


@pytest.fixture(autouse=True)
def _fresh_graph():
    with tf.Graph().as_default():
        yield


def test_public_names_are_tf_feature_column_v1():
    names = ["bucketized_column", "categorical_column_with_hash_bucket",
             "categorical_column_with_identity", "categorical_column_with_vocabulary_file",
             "categorical_column_with_vocabulary_list", "crossed_column", "embedding_column",
             "indicator_column", "input_layer", "linear_model", "make_parse_example_spec",
             "numeric_column", "sequence_categorical_column_with_hash_bucket",
             "sequence_categorical_column_with_identity",
             "sequence_categorical_column_with_vocabulary_file",
             "sequence_categorical_column_with_vocabulary_list", "sequence_numeric_column",
             "shared_embedding_columns", "weighted_categorical_column"]
    assert all(callable(getattr(fc, n)) for n in names)
    assert tf.compat.v1.feature_column.input_layer is fc.input_layer


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.integers(-1, 4), min_size=3, max_size=3), min_size=1, max_size=4))
def test_indicator_of_identity_counts_ids_per_example(rows):
    with tf.Graph().as_default():
        column = fc.indicator_column(fc.categorical_column_with_identity("i", 5))
        got = _run(fc.input_layer({"i": rows}, [column]))
    want = np.array([np.bincount([v for v in r if v >= 0], minlength=5) for r in rows])
    np.testing.assert_array_equal(got, want.astype(np.float32))


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.text("abcxyz", min_size=1, max_size=4), min_size=2, max_size=2),
                min_size=1, max_size=3), st.integers(1, 50))
def test_hash_bucket_is_fingerprint64_mod_size(rows, size):
    with tf.Graph().as_default():
        column = fc.indicator_column(fc.categorical_column_with_hash_bucket("h", size))
        got = _run(fc.input_layer({"h": rows}, [column]))
    want = np.zeros((len(rows), size), np.float32)
    for r, values in enumerate(rows):
        for v in values:
            want[r, fingerprint64(v.encode()) % size] += 1
    np.testing.assert_array_equal(got, want)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.floats(-3, 3, width=32), min_size=2, max_size=2), min_size=1,
                max_size=4))
def test_bucketized_is_one_hot_of_upper_bound(rows):
    boundaries = [-1.0, 0.0, 1.5]
    with tf.Graph().as_default():
        column = fc.bucketized_column(fc.numeric_column("b", shape=(2,)), boundaries)
        got = _run(fc.input_layer({"b": rows}, [column]))
    ids = np.searchsorted(boundaries, np.asarray(rows, np.float32), side="right")
    np.testing.assert_array_equal(got, np.eye(4, dtype=np.float32)[ids].reshape(len(rows), 8))


@pytest.mark.parametrize("combiner", ["sum", "mean", "sqrtn"])
def test_embedding_combiners_with_weights(combiner):
    table = np.arange(12, dtype=np.float32).reshape(4, 3) * 0.5 - 1.0
    ids = [[1, 2], [3, -1], [-1, -1]]
    weights = [[0.5, 2.0], [1.5, 0.0], [0.0, 0.0]]
    column = fc.embedding_column(
        fc.weighted_categorical_column(fc.categorical_column_with_identity("i", 4), "w"), 3,
        combiner=combiner, initializer=tf.constant_initializer(table))
    got = _run(fc.input_layer({"i": ids, "w": weights}, [column]))
    want = np.zeros((3, 3), np.float32)
    for r in range(3):
        pairs = [(i, w) for i, w in zip(ids[r], weights[r]) if i >= 0 and w > 0]
        if not pairs:
            continue
        total = sum(w * table[i] for i, w in pairs)
        scale = {"sum": 1.0, "mean": sum(w for _, w in pairs),
                 "sqrtn": np.sqrt(sum(w * w for _, w in pairs))}[combiner]
        want[r] = total / scale
    np.testing.assert_allclose(got, want, rtol=1e-6)


def test_linear_model_is_affine_in_assigned_weights():
    a = fc.numeric_column("a", shape=(2,))
    v = fc.categorical_column_with_vocabulary_list("v", ["x", "y"], num_oov_buckets=1)
    cols_to_vars = {}
    out = fc.linear_model({"a": [[1.0, 2.0], [3.0, -1.0]], "v": [["x", "y"], ["q", ""]]},
                          [v, a], units=2, cols_to_vars=cols_to_vars)
    wa = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    wv = np.array([[0.5, 0.0], [1.0, 1.0], [-2.0, 3.0]], np.float32)
    bias = np.array([0.25, -0.25], np.float32)
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
        sess.run([cols_to_vars[a][0].assign(wa), cols_to_vars[v][0].assign(wv),
                  cols_to_vars["bias"][0].assign(bias)])
        got = sess.run(out)
    oov_id = 2  # the only out-of-vocabulary bucket
    want = np.array([[1.0, 2.0], [3.0, -1.0]]) @ wa + np.stack([wv[0] + wv[1], wv[oov_id]]) + bias
    np.testing.assert_allclose(got, want, rtol=1e-6)
    assert [x.op.name for x in tf.global_variables()] == \
        ["linear_model/a/weights", "linear_model/v/weights", "linear_model/bias_weights"]


def test_input_layer_orders_columns_by_name_and_names_output():
    cols_to_output = {}
    out = fc.input_layer({"b": [[1.0]], "a": [[2.0, 3.0]]},
                         [fc.numeric_column("b"), fc.numeric_column("a", shape=(2,))],
                         cols_to_output_tensors=cols_to_output)
    assert out.name == "input_layer/concat:0" and out.shape.as_list() == [1, 3]
    np.testing.assert_array_equal(_run(out), [[2.0, 3.0, 1.0]])
    assert sorted(c.name for c in cols_to_output) == ["a", "b"]


def test_embedding_variable_name_and_default_initializer_scale():
    column = fc.embedding_column(fc.categorical_column_with_identity("i", 2000), 4)
    fc.input_layer({"i": [[1]]}, [column])
    (var,) = tf.global_variables()
    assert var.op.name == "input_layer/i_embedding/embedding_weights"
    values = _run(var)
    # truncated normal with stddev 1/sqrt(dimension): |x| < 2 * 0.5 and std ~ 0.88 * 0.5.
    assert np.abs(values).max() < 1.0
    assert abs(values.std() - 0.5 * 0.8796) < 0.02


def test_shared_embedding_reuses_one_variable_across_layers():
    j = fc.categorical_column_with_identity("j", 3)
    k = fc.categorical_column_with_identity("k", 3)
    shared = fc.shared_embedding_columns([k, j], 2, initializer=tf.ones_initializer())
    fc.input_layer({"j": [[0]], "k": [[1]]}, shared)
    fc.input_layer({"j": [[0]], "k": [[1]]}, shared)
    assert [x.op.name for x in tf.global_variables()] == \
        ["input_layer/j_k_shared_embedding/embedding_weights"]
    assert tf.get_collection("j_k_shared_embedding") == tf.global_variables()


def test_parse_spec_and_conflicts():
    spec = fc.make_parse_example_spec([
        fc.numeric_column("n", shape=(2,), default_value=1),
        fc.crossed_column(["s", fc.categorical_column_with_identity("i", 3)], 10)])
    assert spec == {"n": tf.FixedLenFeature((2,), tf.float32, (1.0, 1.0)),
                    "s": tf.VarLenFeature(tf.string), "i": tf.VarLenFeature(tf.int64)}
    with pytest.raises(ValueError, match="different parse_spec for key n"):
        fc.make_parse_example_spec([fc.numeric_column("n"), fc.numeric_column("n", shape=2)])


def test_sequence_columns_are_rejected_by_input_layer():
    with pytest.raises(ValueError, match="must be a _FeatureColumn"):
        fc.input_layer({"s": [[1.0]]}, [fc.sequence_numeric_column("s")])
    seq = fc.sequence_categorical_column_with_hash_bucket("s", 4)
    with pytest.raises(ValueError, match="In indicator_column: s_indicator"):
        fc.input_layer({"s": [["a"]]}, [fc.indicator_column(seq)])


def test_tf1_underscore_protocol_delegates():
    from tfcompat.feature_column.base import TransformationCache

    cache = TransformationCache({"n": [[1.0, 2.0]], "i": [[2, -1]]})
    numeric = fc.numeric_column("n", shape=(2,), normalizer_fn=lambda x: x * 3.0)
    ident = fc.categorical_column_with_identity("i", 4)
    dense = numeric._get_dense_tensor(cache)
    ids, weights = ident._get_sparse_tensors(cache)
    assert weights is None and ident._num_buckets == 4
    assert numeric._variable_shape.as_list() == [2]
    got = _run([dense, ids.values, ident._transform_feature(cache).indices])
    np.testing.assert_array_equal(got[0], [[3.0, 6.0]])
    np.testing.assert_array_equal(got[1], [2])
    np.testing.assert_array_equal(got[2], [[0, 0]])


def test_crossing_a_weighted_column_is_rejected_when_built():
    weighted = fc.weighted_categorical_column(fc.categorical_column_with_identity("i", 3), "w")
    crossed = fc.indicator_column(fc.crossed_column(["s", weighted], 5))
    with pytest.raises(ValueError, match="crossed_column does not support weight_tensor"):
        fc.input_layer({"s": [["a"]], "i": [[1]], "w": [[1.0]]}, [crossed])
