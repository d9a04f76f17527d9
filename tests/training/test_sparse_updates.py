"""IndexedSlices gradients: sparse updates (ScatterSub, SparseApply*, sparse Adam) against the
dense update of the same gradient (TF's recorded runs: conformance/cases/optimizers2)."""

import numpy as np
import pytest

import tfcompat as tf

OPTIMIZERS = {
    "gd": lambda gs: tf.train.GradientDescentOptimizer(0.1),
    "momentum": lambda gs: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
    "adam": lambda gs: tf.train.AdamOptimizer(0.1),
    "adagrad": lambda gs: tf.train.AdagradOptimizer(0.1),
    "rmsprop": lambda gs: tf.train.RMSPropOptimizer(0.1, momentum=0.5, centered=True),
    "adadelta": lambda gs: tf.train.AdadeltaOptimizer(1.0),
    "ftrl": lambda gs: tf.train.FtrlOptimizer(0.1, l1_regularization_strength=0.01),
    "ftrl_v2": lambda gs: tf.train.FtrlOptimizer(0.1, l2_shrinkage_regularization_strength=0.1),
    "proximal_gd": lambda gs: tf.train.ProximalGradientDescentOptimizer(0.1, 0.01, 0.02),
    "proximal_adagrad": lambda gs: tf.train.ProximalAdagradOptimizer(0.1, 0.2, 0.01),
}


def _run(make_opt, densify, ids, steps=3):
    with tf.Graph().as_default():
        emb = tf.Variable(np.arange(12, dtype=np.float32).reshape(4, 3) / 10)
        loss = tf.reduce_sum(tf.square(tf.gather(emb, tf.constant(ids)) - 1.0))
        gs = tf.train.get_or_create_global_step()
        opt = make_opt(gs)
        grads = opt.compute_gradients(loss, [emb])
        assert isinstance(grads[0][0], tf.IndexedSlices)
        if densify:
            grads = [(tf.convert_to_tensor(g), v) for g, v in grads]
        train = opt.apply_gradients(grads, global_step=gs)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(steps):
                sess.run(train)
            return sess.run(emb), {op.type for op in tf.get_default_graph().get_operations()}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_sparse_update_equals_dense_update_when_every_row_is_touched(name):
    ids = [2, 0, 3, 2, 1, 0]
    sparse, sparse_types = _run(OPTIMIZERS[name], False, ids)
    dense, _ = _run(OPTIMIZERS[name], True, ids)
    np.testing.assert_allclose(sparse, dense, rtol=2e-5, atol=1e-6)
    assert any(t.startswith(("Sparse", "Scatter")) for t in sparse_types)


@pytest.mark.parametrize("name", sorted(set(OPTIMIZERS) - {"adam"}))
def test_untouched_rows_stay_put(name):
    updated, _ = _run(OPTIMIZERS[name], False, [2, 2])
    initial = np.arange(12, dtype=np.float32).reshape(4, 3) / 10
    np.testing.assert_array_equal(updated[[0, 1, 3]], initial[[0, 1, 3]])
    assert not np.allclose(updated[2], initial[2])


def test_scatter_sub_rejects_out_of_range_indices():
    from tfcompat.training import training_ops_sparse
    with tf.Graph().as_default():
        v = tf.Variable([1.0, 2.0])
        op = training_ops_sparse.scatter_sub(v, tf.constant([3]), tf.constant([1.0]))
        with tf.Session() as sess:
            sess.run(v.initializer)
            with pytest.raises(tf.errors.InvalidArgumentError, match=r"indices\[0\] = 3"):
                sess.run(op)
