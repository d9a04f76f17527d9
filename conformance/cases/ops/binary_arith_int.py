# Integer arithmetic: floor division and modulo follow Python's signs, / casts to float64.
a = tf.constant([-7, -1, 0, 5, 7])
b = tf.constant([2, 3, -4, -3, 7])
ts = [a + b, a - b, a * b, a // b, a % b, tf.floordiv(a, b), tf.mod(a, b), a / b,
      tf.truediv(a, b), tf.divide(a, b), tf.pow(b, 2), tf.abs(a), -a, tf.sign(a),
      tf.maximum(a, b), tf.minimum(a, b), tf.square(a), tf.squared_difference(a, b)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
a64 = tf.constant([6, -6], dtype=tf.int64)
print(repr(tf.Session().run([a64 // 4, a64 / 4])))
