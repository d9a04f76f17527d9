# split into equal parts or given sizes (with -1), and its errors.
x = tf.constant(np.arange(12).reshape(2, 6))
with tf.Session() as sess:
    for parts in [tf.split(x, 2), tf.split(x, 3, axis=1), tf.split(x, [1, 2, 3], 1),
                  tf.split(x, [4, -1], axis=1), tf.split(x, num_or_size_splits=1)]:
        print([(t.name, t.op.type, t.shape) for t in parts])
        print(sess.run(parts))
show_error(tf.split, x, 4, axis=1)
show_error_contains(lambda: tf.split(x, [1, 2], 1),
                    "can't split axis of size 6 into pieces of size [1,2]")
p = tf.placeholder(tf.float32, [None, 4])
print([t.shape for t in tf.split(p, 2, 1)], [t.shape for t in tf.split(p, [1, 3], 1)])
