# concat, stack and unstack along various axes.
a = tf.constant([[1, 2], [3, 4]])
b = tf.constant([[5, 6]])
ts = [tf.concat([a, b], 0), tf.concat([a, a], 1), tf.concat([a, a], -1), tf.concat([a], 0),
      tf.stack([a, a]), tf.stack([a, a], axis=1), tf.stack([a, a], axis=-1),
      tf.stack([1, 2, 3]), tf.stack([tf.constant(1.0), 2.0])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
    parts = tf.unstack(a, axis=1)
    print(len(parts), [t.name for t in parts], sess.run(parts))
    print(sess.run(tf.unstack(tf.constant([[1, 2, 3]]), num=1)))
# Errors from C++ shape functions embed a NodeDef dump whose format varies by version.
show_error_contains(lambda: tf.concat([a, b], 1),
                    'Dimension 0 in both shapes must be equal, but are 2 and 1')
show_error(tf.stack, [a, b])
show_error(tf.unstack, tf.placeholder(tf.float32, [None]))
p = tf.placeholder(tf.float32, [None, 2])
print(tf.concat([p, p], 0).shape, tf.concat([p, p], 1).shape, tf.stack([p, p], 1).shape)
