# stop_gradient at construction vs stop_gradients at gradient time; gradient at a stopped x.
a = tf.constant(0.0, name='a')
b = 2 * a
g1 = tf.gradients(a + b, [a, b], stop_gradients=[a, b])
g2 = tf.gradients(a + b, [a, b])
g3 = tf.gradients(a + b, [a], stop_gradients=[a])
x = tf.constant(2.0, name='x')
y = tf.constant(3.0, name='y')
g4 = tf.gradients(tf.stop_gradient(x) * y, [x, y])
m = 2 * x
n = m * m
g5 = tf.gradients(n, x, stop_gradients=[m])
g6 = tf.gradients(n, [x, m], stop_gradients=m)
print(g1, g2, g3, g4, g5, g6, sep='\n')
with tf.Session() as sess:
    print(sess.run([g1, g2, g3, g4[1], g6[1]]))
