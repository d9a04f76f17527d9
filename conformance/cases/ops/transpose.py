# transpose: default reversal, explicit perm, higher rank and conjugate-free ints.
x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
ts = [tf.transpose(x), tf.transpose(x, [0, 2, 1]), tf.transpose(tf.constant([[1, 2, 3]])),
      tf.transpose(tf.constant([1, 2])), tf.transpose(x, perm=[1, 0, 2])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v.shape), repr(v.ravel()[:6]))
show_error_contains(lambda: tf.transpose(x, [0, 1]), 'Dimension must be 3 but is 2')
p = tf.placeholder(tf.float32, [None, 3])
print(tf.transpose(p).shape, tf.transpose(tf.placeholder(tf.float32)).shape)
