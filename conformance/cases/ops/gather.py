# gather with scalar, vector and matrix indices and axis.
x = tf.constant([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
ts = [tf.gather(x, 1), tf.gather(x, [2, 0]), tf.gather(x, [[0], [2]]), tf.gather(x, [0, 2], axis=1),
      tf.gather(tf.constant(['a', 'b', 'c']), [2, 2, 0]), tf.gather(x, tf.constant([1], tf.int64))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
    show_error_contains(lambda: sess.run(tf.gather(x, [3])), 'indices[0] = 3 is not in [0, 3)')
p = tf.placeholder(tf.int32, [None])
print(tf.gather(x, p).shape, tf.gather(x, p, axis=1).shape)
