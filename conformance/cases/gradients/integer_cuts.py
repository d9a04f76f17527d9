# Integer tensors are constants: int xs get None, casts to int cut paths, int ys give None.
a = tf.constant(3.0, name='a')
i = tf.constant(2, name='i')
print(tf.gradients(i * 3, i))
print(tf.gradients(tf.cast(i, tf.float32) * 2.0, i))
g = tf.gradients(tf.cast(tf.cast(a, tf.int32), tf.float32) * a, a)
print(g)
print(tf.gradients(tf.cast(a, tf.int32) * 2, a))
d = tf.constant(3.0, tf.float64, name='d')
gd = tf.gradients(tf.cast(d, tf.float32) * a, [d, a])
print(gd)
with tf.Session() as sess:
    print(sess.run(g), sess.run(gd))
