"""Seed example 2: an x not connected to ys gets None, or zeros with 'zero'."""
import tensorflow as tf

a = tf.ones([1, 2])
b = tf.ones([3, 1])
g1 = tf.gradients([b], [a], unconnected_gradients='none')
g2 = tf.gradients([b], [a], unconnected_gradients='zero')
print(g1)  # [None]
with tf.Session() as sess:
    print(sess.run(g2))  # [array([[0., 0.]], dtype=float32)]
