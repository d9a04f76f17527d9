"""Seed example 4: a StopGradient leaves w1 without a gradient."""
import tensorflow as tf

w1 = tf.Variable(2.0)
w2 = tf.Variable(2.0)
a = tf.multiply(w1, 3.0)
a_stoped = tf.stop_gradient(a)
b = tf.multiply(a_stoped, w2)  # b = w1 * 3.0 * w2
gradients = tf.gradients(b, xs=[w1, w2])
print(gradients)  # [None, <tf.Tensor 'gradients/Mul_1_grad/Mul_1:0' shape=() dtype=float32>]
