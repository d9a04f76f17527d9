# tf.random.stateless_binomial: BTRS and inversion streams, p > 1/2, broadcasting, dtypes.
cases = [
    tf.random.stateless_binomial([4, 3], seed=[1, 2], counts=[5., 40., 100.],
                                 probs=[0.3, 0.5, 0.9], output_dtype=tf.float64),
    tf.random.stateless_binomial([6], seed=[3, 4], counts=10., probs=0.05),
    tf.random.stateless_binomial([50, 4], seed=[5, 6], counts=[3., 25., 1000., 12.],
                                 probs=[0.8, 0.97, 0.02, 0.999]),
    tf.random.stateless_binomial([3, 2, 2], seed=[7, 8], counts=[[20.], [7.]],
                                 probs=[0.25, 0.75], output_dtype=tf.int64),
    tf.random.stateless_binomial([5], seed=[9, 9], counts=[0., 4., 9., 30., 2.],
                                 probs=[0.5, 0.0, 1.0, 0.5, 0.5], output_dtype=tf.float32),
    tf.random.stateless_binomial([2, 3], seed=tf.constant([1, 5], tf.int64),
                                 counts=tf.constant([10., 200., 60.], tf.float64),
                                 probs=tf.constant(0.4, tf.float64)),
]
with tf.Session() as sess:
    for t in cases:
        v = sess.run(t)
        print(t.op.type, t.op.name, t.dtype.name, t.shape, v.tolist())
