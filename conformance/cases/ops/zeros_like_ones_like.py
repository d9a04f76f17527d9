# zeros_like / ones_like keep dtype (or take a new one) and work with unknown shapes.
x = tf.constant([[1.5, 2.5]])
p = tf.placeholder(tf.float32, [None, 3])
b = tf.constant([True, False])
ts = [tf.zeros_like(x), tf.ones_like(x), tf.zeros_like(x, dtype=tf.int32),
      tf.ones_like(x, dtype=tf.float64), tf.zeros_like(p), tf.ones_like(p), tf.zeros_like(b),
      tf.ones_like(b), tf.zeros_like([1, 2]), tf.ones_like(3.0)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts, {p: np.zeros((2, 3))}):
        print(repr(v))
