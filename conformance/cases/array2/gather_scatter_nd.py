# gather_nd, scatter_nd and tensor_scatter_nd_*: values, shapes, names and gradients.
params = tf.constant(np.arange(24.0).reshape(2, 3, 4))
ts = [tf.gather_nd(params, [[0, 1], [1, 2]]), tf.gather_nd(params, [[1, 0, 3]]),
      tf.gather_nd(params, [[[1]], [[0]]]), tf.gather_nd(params, tf.zeros([0, 2], tf.int32)),
      tf.scatter_nd([[1], [3], [1]], [9.0, 10.0, 11.0], [5]),
      tf.scatter_nd([[0, 1]], [[1, 2]], tf.constant([2, 2, 2])),
      tf.tensor_scatter_nd_update(tf.zeros([4]), [[1], [2]], [5.0, 6.0]),
      tf.tensor_scatter_nd_add(tf.ones([2, 2]), [[0]], [[1.0, 2.0]]),
      tf.tensor_scatter_nd_sub(tf.ones([3]), [[2], [2]], [1.0, 1.0]),
      tf.tensor_scatter_nd_min(tf.ones([3]), [[0]], [-1.0]),
      tf.tensor_scatter_nd_max(tf.ones([3]), [[0], [1]], [-1.0, 3.0]),
      tf.tensor_scatter_update(tf.ones([2]), [[0]], [0.0]),
      tf.tensor_scatter_add(tf.ones([2]), [[0]], [1.0]),
      tf.tensor_scatter_sub(tf.ones([2]), [[0]], [1.0])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
upd = tf.constant([5.0, 6.0], tf.float64)
base = tf.constant([1.0, 2.0, 3.0, 4.0], tf.float64)
g = tf.gradients([tf.gather_nd(params, [[0, 1], [0, 1]]) * 2], params)
g2 = tf.gradients(tf.tensor_scatter_nd_update(base, [[1], [2]], upd) * tf.constant(
    [1.0, 2.0, 3.0, 4.0], tf.float64), [base, upd])
g3 = tf.gradients(tf.scatter_nd([[1], [1]], upd, [3]) * tf.constant([1.0, 2.0, 3.0],
                                                                    tf.float64), upd)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(np.array2string(sess.run(g)[0], precision=6))
    print([np.array2string(v, precision=6) for v in sess.run(g2)])
    print(sess.run(g3))
show_error(tf.gather_nd, params, [[0, 1, 2, 3]])
show_error(lambda: tf.Session().run(tf.gather_nd(params, [[2, 0]])))
