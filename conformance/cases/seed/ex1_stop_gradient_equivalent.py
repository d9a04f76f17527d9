# Seed example 1, second form: wrapping a and b in tf.stop_gradient is equivalent.
a = tf.stop_gradient(tf.constant(0.))
b = tf.stop_gradient(2 * a)
g = tf.gradients(a + b, [a, b])
print(g)
print([t.op.type for t in g])
with tf.Session() as sess:
    print(sess.run(g))
