# Feeding any feedable tensor: placeholders, constants, variables, intermediate results.
p = tf.placeholder(tf.float32, [None, 2], name='p')
a = tf.constant(1.0, name='a')
v = tf.Variable(5.0, name='v')
b = a * 2.0
c = b + 1.0
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(p * 1, {p: [[1, 2]]})))
    print(repr(sess.run(b, {a: 10.0})), repr(sess.run(c, {b: 0.5})), repr(sess.run(c)))
    print(repr(sess.run(v * 1.0, {v: 1.0})), repr(sess.run(v)))
    print(repr(sess.run(p + 0, {'p:0': [[3, 4]]})))
    print(repr(sess.run(p + 0, feed_dict={p: np.array([[1, 2]], dtype=np.int64)})))
    print(repr(sess.run(a * 1, {a: np.float64(0.1)})), repr(sess.run(a * 1, {a: True})))
    print(repr(sess.run([b, c], {a: 2.0, b: 100.0})))
