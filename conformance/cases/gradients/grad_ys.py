# grad_ys weights each y; None entries mean ones; errors for length, shape and dtype.
a = tf.constant(2.0, name='a')
y = a * a
g = tf.gradients([y, y], a, grad_ys=[None, 10.0])
g2 = tf.gradients(y, a, grad_ys=tf.constant(3.0))
g3 = tf.gradients(y, a, grad_ys=[np.float32(0.5)])
print(g, g2, g3)
with tf.Session() as sess:
    print(sess.run([g, g2, g3]))
show_error(tf.gradients, [y, y], a, grad_ys=[1.0])
show_error(tf.gradients, y, a, grad_ys=[tf.constant([1.0, 2.0])])
show_error(tf.gradients, y, a, grad_ys=[tf.constant(1)])
v = tf.constant([1.0, 2.0, 3.0], name='v')
gv = tf.gradients(v * 2.0, v, grad_ys=[[1.0, 0.0, -1.0]])
with tf.Session() as sess:
    print(gv, sess.run(gv))
