# gate_gradients wraps per-op results in tuples; colocate_gradients_with_ops has no visible effect.
a = tf.constant(3.0, name='a')
b = tf.constant(4.0, name='b')
y = a * b
g = tf.gradients(y, [a, b], gate_gradients=True)
h = tf.gradients(y, [a, b], colocate_gradients_with_ops=True)
print(g)
print(h)
with tf.Session() as sess:
    print(sess.run(g), sess.run(h))
