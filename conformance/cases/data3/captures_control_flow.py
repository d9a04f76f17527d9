# Outer tensors captured inside tf.cond branches and tf.while_loop bodies of a map function.
g = tf.Graph()
with g.as_default():
    scale = tf.placeholder(tf.int64, [])
    v = tf.Variable(3, dtype=tf.int64)
    ds = tf.data.Dataset.range(5).map(
        lambda x: tf.cond(x > 2, lambda: x * scale, lambda: x - v))
    ds2 = tf.data.Dataset.range(3).map(lambda x: tf.while_loop(
        lambda i, a: i < scale, lambda i, a: (i + 1, a + x + v),
        [tf.constant(0, tf.int64), tf.constant(0, tf.int64)])[1])
    it = tf.data.make_initializable_iterator(ds.concatenate(ds2))
    n = it.get_next()
    print([t.name for t in ds._variant_tensor.op.inputs],
          [t.name for t in ds2._variant_tensor.op.inputs])
    with tf.Session() as s:
        s.run(v.initializer)
        s.run(it.initializer, {scale: 10})
        print([int(s.run(n)) for _ in range(8)])
