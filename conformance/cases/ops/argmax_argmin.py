# argmax/argmin: axis, dimension alias, ties pick the first index, output_type.
x = tf.constant([[1.0, 9.0, 9.0], [7.0, 2.0, 7.0]])
ts = [tf.argmax(x, 1), tf.argmax(x, 0), tf.argmax(x, axis=-1), tf.argmax(x, dimension=1),
      tf.argmin(x, 1), tf.argmin(x, dimension=0), tf.argmax(x, 1, output_type=tf.int32),
      tf.argmax(tf.constant([3, 1, 3])), tf.argmin(tf.constant([3, 1, 1]))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.argmax, x, axis=0, dimension=1)
print(tf.argmax(tf.placeholder(tf.float32, [None, 5]), 1).shape)
