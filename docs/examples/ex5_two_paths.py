"""Seed example 5: one path stopped, the other still carries the gradient."""
import tensorflow as tf

a = tf.Variable(1.0)
b = tf.Variable(1.0)
c = tf.add(a, b)
c_stoped = tf.stop_gradient(c)
d = tf.add(a, b)
e = tf.add(c_stoped, d)  # e = c + d = a + b + a + b
gradients = tf.gradients(e, xs=[a, b])
with tf.Session() as sess:
    tf.global_variables_initializer().run()
    print(sess.run(gradients))  # [1.0, 1.0]
