# tile and pad (CONSTANT with values, REFLECT, SYMMETRIC).
x = tf.constant([[1, 2], [3, 4]])
ts = [tf.tile(x, [2, 1]), tf.tile(x, [1, 3]), tf.tile(tf.constant([7]), [3]),
      tf.pad(x, [[1, 0], [0, 2]]), tf.pad(x, [[1, 1], [1, 1]], constant_values=9),
      tf.pad(x, [[1, 1], [1, 1]], mode='REFLECT'), tf.pad(x, [[1, 1], [2, 2]], mode='SYMMETRIC'),
      tf.pad(tf.constant([1.0]), [[2, 1]])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: tf.tile(x, [2]), 'Shape must be rank 2 but is rank 1')
show_error_contains(lambda: tf.pad(x, [[1, 1]]), 'Shape must be rank 1 but is rank 2')
show_error(tf.pad, x, [[0, 0], [0, 0]], mode='WRAP')
p = tf.placeholder(tf.float32, [None, 2])
print(tf.tile(p, [2, 2]).shape, tf.pad(p, [[1, 1], [0, 3]]).shape)
