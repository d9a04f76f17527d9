# softmax and log_softmax along a dimension other than the last: TF swaps it with the last one
# through a permutation built from Rank, Range and concat ops; the graph op for op, values and
# gradients.
rng = np.random.RandomState(2)
for fn in (tf.nn.softmax, tf.nn.log_softmax):
    for shape, axis in [([None, 6], 0), ([3, 4, 5], 1), ([3, 4], -2)]:
        g = tf.Graph()
        with g.as_default():
            x = tf.placeholder(tf.float32, shape, name="x")
            y = fn(x, axis=axis)
            (grad,) = tf.gradients(tf.reduce_sum(y * y), x)
            names = [f"{op.type}:{op.name}" for op in g.get_operations()]
            xs = rng.randn(*[d or 2 for d in shape]).astype(np.float32)
            with tf.Session() as sess:
                value, gvalue = sess.run([y, grad], {x: xs})
        print(fn.__name__, shape, axis, y.shape, len(names))
        print("  ", " ".join(names[:24]))
        print("  ", np.round(value.astype(np.float64), 4).reshape(-1).tolist()[:6],
              np.round(gvalue.astype(np.float64), 4).reshape(-1).tolist()[:4])
