# py_func and random_shuffle have gradient registrations that return None.
x = tf.constant([1.0, 2.0, 3.0], name='x')
shuffled = tf.random_shuffle(x, seed=1)
pf = tf.py_func(lambda a: a * 2.0, [x], tf.float32)
print(shuffled.op.type, pf.op.type, pf.shape)
print(tf.gradients(shuffled, x), tf.gradients(pf, x))
print(tf.gradients(tf.reduce_sum(shuffled) + tf.reduce_sum(x * x), x))
with tf.Session() as sess:
    print(repr(sess.run(pf)), sorted(sess.run(shuffled).tolist()))
