# tf.bitwise: and/or/xor/invert/shifts on signed and unsigned integers.
a = tf.constant([0, 5, -3, 127], tf.int8)
b = tf.constant([1, 3, 2, 7], tf.int8)
u = tf.constant([0, 5, 200, 255], tf.uint8)
ts = [tf.bitwise.bitwise_and(a, b), tf.bitwise.bitwise_or(a, b), tf.bitwise.bitwise_xor(a, b),
      tf.bitwise.invert(a), tf.bitwise.invert(u), tf.bitwise.left_shift(a, b),
      tf.bitwise.right_shift(a, b), tf.bitwise.right_shift(u, tf.constant([1, 1, 3, 7],
                                                                             tf.uint8)),
      tf.bitwise.left_shift(tf.constant([1, 1], tf.int32), [31, 4]),
      tf.bitwise.bitwise_and(tf.constant([[12]], tf.int64), tf.constant([10, 6], tf.int64))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(v)
show_error(tf.bitwise.bitwise_and, tf.constant([1.0]), tf.constant([2.0]))
