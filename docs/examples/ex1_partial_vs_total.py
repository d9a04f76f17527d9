"""Seed example 1: partial vs total derivative (stop_gradients)."""
import tensorflow as tf

a = tf.constant(0.)
b = 2 * a
partial = tf.gradients(a + b, [a, b], stop_gradients=[a, b])
total = tf.gradients(a + b, [a, b])
with tf.Session() as sess:
    print(sess.run(partial))  # [1.0, 1.0]
    print(sess.run(total))    # [3.0, 1.0]
