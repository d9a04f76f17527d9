# add, subtract, multiply, divide, truediv, floordiv, mod, pow on float32 with broadcasting.
a = tf.constant([[-3.5, -1.0, 0.5], [2.0, 4.0, 7.5]])
b = tf.constant([2.0, -1.5, 3.0])
ts = [tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.divide(a, b), tf.truediv(a, b),
      tf.floordiv(a, b), tf.mod(a, b), tf.pow(tf.abs(a), b), a + 1, 2 - a, a * 0.5, 1 / b,
      a // 2, a % 2, a ** 2, tf.floormod(a, -b)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
