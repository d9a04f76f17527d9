# slice with explicit sizes and -1 (to the end).
x = tf.constant(np.arange(12).reshape(3, 4))
ts = [tf.slice(x, [0, 0], [2, 2]), tf.slice(x, [1, 1], [-1, -1]), tf.slice(x, [2, 0], [1, 4]),
      tf.slice(x, [0, 3], [3, 1]), tf.slice(x, [0, 0], [0, 4])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.slice, x, [0, 0], [4, 1])
p = tf.placeholder(tf.float32, [None, 4])
print(tf.slice(p, [0, 1], [-1, 2]).shape, tf.slice(p, [0, 1], [2, -1]).shape)
