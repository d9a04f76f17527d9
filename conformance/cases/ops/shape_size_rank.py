# shape/size/rank for known shapes (constant-folded) and unknown shapes (computed at run time).
x = tf.constant([[1.0, 2.0, 3.0]])
p = tf.placeholder(tf.float32, [None, 3])
u = tf.placeholder(tf.float32)
ts = [tf.shape(x), tf.size(x), tf.rank(x), tf.shape(x, out_type=tf.int64), tf.shape(p),
      tf.size(p), tf.rank(p), tf.shape(u), tf.size(u), tf.rank(u), tf.shape(tf.constant(1.0))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts, {p: np.zeros((2, 3)), u: np.zeros((4, 1, 2))}):
        print(repr(v))
