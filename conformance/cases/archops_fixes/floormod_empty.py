# Integer FloorMod/FloorDiv check divisors per output element: an empty result divides by nothing.
e = tf.constant(np.zeros([0], np.int32))
z = tf.constant(0)
with tf.Session() as sess:
    print(sess.run([tf.math.floormod(e, z), tf.math.floordiv(e, z), e % z, e // z]))
    show_error_contains(lambda: sess.run(tf.math.floormod(tf.constant([3, 4]), z)),
                        "Integer division by zero")
    # The Sum gradient of a scalar builds FloorMod(axes=[], rank=0).
    s = tf.placeholder(tf.float32, [])
    g = tf.gradients(tf.reduce_sum(s * s), s)[0]
    print(sess.run(g, {s: 3.0}))
