# Seed example 1: stop_gradients gives partial derivatives, plain tf.gradients total ones.
a = tf.constant(0.)
b = 2 * a
g = tf.gradients(a + b, [a, b], stop_gradients=[a, b])
g_total = tf.gradients(a + b, [a, b])
print(g)
print(g_total)
with tf.Session() as sess:
    print(sess.run(g))
    print(sess.run(g_total))
