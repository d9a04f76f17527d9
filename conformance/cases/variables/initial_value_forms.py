# Initial values: Python scalars and lists, numpy arrays, tensors, callables, explicit dtype.
vs = [tf.Variable(1), tf.Variable(2.5), tf.Variable([[1, 2]]), tf.Variable(np.float64(1.5)),
      tf.Variable(np.arange(3, dtype=np.int64)), tf.Variable(tf.zeros([2, 2])),
      tf.Variable(lambda: tf.ones([3])), tf.Variable(1, dtype=tf.float32),
      tf.Variable([1.0, 2.0], dtype=tf.float64), tf.Variable(True), tf.Variable('s'),
      tf.Variable(tf.random_uniform([2], seed=1) * 0.0 + 4.0)]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in vs:
        print(repr(v), repr(sess.run(v)))
