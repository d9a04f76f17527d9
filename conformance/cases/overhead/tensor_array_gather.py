# TensorArray gather/stack: all elements, a subset, repeated indices, unwritten elements
# (zeros), size 0, and elements of different shapes.
with tf.Session() as sess:
    ta = tf.TensorArray(tf.float32, size=4, clear_after_read=False)
    for i in range(4):
        ta = ta.write(i, tf.fill([2, 3], float(i)) + tf.range(3, dtype=tf.float32))
    stacked = ta.stack()
    some = ta.gather([3, 1, 3])
    print(stacked.shape, some.shape)
    s, g = sess.run([stacked, some])
    print(s.shape, s.dtype, s.reshape(-1).tolist())
    print(g.shape, g.reshape(-1).tolist())
    part = tf.TensorArray(tf.int32, size=3, element_shape=[2])
    part = part.write(1, [5, 6])
    print(sess.run(part.gather([0, 1, 2])).tolist())
    empty = tf.TensorArray(tf.float64, size=0, element_shape=[2, 2])
    e = sess.run(empty.stack())
    print(e.shape, e.dtype)
    mixed = tf.TensorArray(tf.float32, size=2, infer_shape=False)
    mixed = mixed.write(0, [1.0, 2.0]).write(1, [3.0, 4.0, 5.0])
    show_error_contains(lambda: sess.run(mixed.stack()), "shape")
    rnn_like = tf.TensorArray(tf.float32, size=50).unstack(
        tf.reshape(tf.range(50 * 6, dtype=tf.float32), [50, 2, 3]))
    r = sess.run(rnn_like.stack())
    print(r.shape, float(r.sum()), r[7].tolist())
