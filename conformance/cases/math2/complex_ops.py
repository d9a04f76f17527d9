# complex / real / imag / angle / conj, complex64 and complex128, and their gradients.
re = tf.constant([1.0, -2.0, 0.0], tf.float32)
im = tf.constant([0.5, 3.0, -1.0], tf.float32)
c = tf.complex(re, im)
c128 = tf.complex(tf.cast(re, tf.float64), tf.cast(im, tf.float64), name="c128")
ts = [c, c128, tf.math.real(c), tf.math.imag(c), tf.math.angle(c), tf.math.conj(c),
      tf.math.real(c128), tf.math.angle(c128), tf.real(re), tf.imag(re), tf.conj(re),
      tf.math.angle(re)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
loss = tf.reduce_sum(tf.math.real(c) * 2 + tf.math.imag(c) * 3 + tf.math.angle(c))
grads = tf.gradients(loss, [re, im])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print([np.array2string(v, precision=6) for v in sess.run(grads)])
show_error(tf.complex, tf.constant([1, 2]), tf.constant([1, 2]))
