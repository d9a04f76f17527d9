# tf.signal / tf.spectral FFTs: complex and real, 1-3 D, fft_length, shifts and gradients.
rng = np.random.RandomState(0)
x = tf.constant(rng.normal(size=(2, 6)))
y = tf.constant(rng.normal(size=(2, 6)))
c = tf.complex(x, y)
c64 = tf.cast(c, tf.complex64)
ts = [tf.signal.fft(c), tf.signal.ifft(c), tf.fft(c64), tf.ifft2d(tf.reshape(c64, [3, 4])),
      tf.signal.fft2d(tf.reshape(c, [3, 4])), tf.signal.fft3d(tf.reshape(c, [1, 2, 2, 3])),
      tf.signal.ifft3d(tf.reshape(c, [2, 3, 2])), tf.spectral.fft(c64),
      tf.signal.rfft(x), tf.signal.rfft(tf.cast(x, tf.float32), [4]), tf.signal.rfft(x, [9]),
      tf.signal.irfft(c), tf.signal.irfft(c, [7]), tf.signal.irfft(c[:, :4]),
      tf.signal.rfft2d(tf.reshape(x, [3, 4])), tf.signal.irfft2d(tf.reshape(c, [3, 4])),
      tf.signal.rfft3d(tf.reshape(x, [2, 2, 3])), tf.signal.irfft3d(tf.reshape(c, [2, 2, 3])),
      tf.signal.fftshift(tf.range(7)), tf.signal.ifftshift(tf.range(7)),
      tf.signal.fftshift(tf.reshape(tf.range(6), [2, 3]), axes=1)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
loss = (tf.reduce_sum(tf.math.real(tf.signal.fft(c)) * x) +
        tf.reduce_sum(tf.math.imag(tf.signal.rfft(x, [8])) ** 2) +
        tf.reduce_sum(tf.signal.irfft(c[:, :4], [7]) * tf.range(7.0, dtype=tf.float64)))
g = tf.gradients(loss, [x, y])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v).ravel(), precision=5, threshold=100))
    print([np.array2string(v, precision=5) for v in sess.run(g)])
show_error(tf.signal.rfft, c)
