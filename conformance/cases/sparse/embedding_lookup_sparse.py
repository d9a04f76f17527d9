# tf.nn.embedding_lookup_sparse with each combiner, with and without weights, and gradients.
params = tf.constant(np.arange(12.0).reshape(4, 3) / 4.0, tf.float64)
ids = tf.SparseTensor([[0, 0], [0, 1], [2, 0], [2, 1], [2, 2]],
                      tf.constant([1, 3, 0, 0, 2], tf.int64), [3, 3])
weights = tf.SparseTensor(ids.indices, tf.constant([2., 1., .5, 1., 3.], tf.float64), [3, 3])
sess = tf.Session()
for combiner in ("sum", "mean", "sqrtn"):
    plain = tf.nn.embedding_lookup_sparse(params, ids, None, combiner=combiner)
    weighted = tf.nn.embedding_lookup_sparse(params, ids, weights, combiner=combiner)
    print(combiner, plain.shape, weighted.shape)
    print(sess.run(plain))
    print(sess.run(weighted))
    grad = tf.gradients(tf.reduce_sum(weighted * weighted), params)[0]
    print(sess.run(tf.convert_to_tensor(grad)))
