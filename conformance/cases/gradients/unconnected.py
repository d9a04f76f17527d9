# Unconnected xs give None, or zeros_like (created outside the gradients scope) with 'zero'.
a = tf.constant(1.0, name='a')
c = tf.constant(5.0, name='c')
w = tf.get_variable('w', shape=[2, 3])
p = tf.placeholder(tf.float32, [None], name='p')
y = a * 2.0
print(tf.gradients(y, c), tf.gradients(y, [c, a]))
z = tf.gradients(y, [c, w, p, a], unconnected_gradients='zero')
print(z)
print(tf.gradients(y, [c], unconnected_gradients=tf.UnconnectedGradients.ZERO))
print(tf.gradients(y, [c], unconnected_gradients=tf.UnconnectedGradients.NONE))
print(repr(tf.UnconnectedGradients.ZERO), repr(tf.UnconnectedGradients.NONE),
      tf.UnconnectedGradients.ZERO.value, tf.UnconnectedGradients('zero'))
show_error(tf.gradients, y, c, unconnected_gradients='foo')
with tf.Session() as sess:
    sess.run(w.initializer)
    print(sess.run(z, {p: [1.0, 2.0, 3.0]}))
