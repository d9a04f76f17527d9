"""Seed example 7: higher-order derivatives of pow(a, 2)."""
import tensorflow as tf

with tf.device('/cpu:0'):
    a = tf.constant(1.)
    b = tf.pow(a, 2)
    grad = tf.gradients(ys=b, xs=a)             # first derivative
    print(grad[0])
    grad_2 = tf.gradients(ys=grad[0], xs=a)     # second derivative
    grad_3 = tf.gradients(ys=grad_2[0], xs=a)   # third derivative
    print(grad_3)
with tf.Session() as sess:
    print(sess.run(grad_3))  # [0.0]
