# Windows, frame / overlap_and_add, dct / idct (types and norms), stft / inverse_stft, mel
# filterbank and MFCCs: values and shapes.
rng = np.random.RandomState(2)
x = tf.constant(rng.normal(size=(2, 16)).astype(np.float32))
framed = tf.signal.frame(x, 5, 3)
ts = [tf.signal.hann_window(6), tf.signal.hann_window(5), tf.signal.hann_window(6, periodic=False),
      tf.signal.hamming_window(7), tf.signal.hamming_window(1), framed,
      tf.signal.frame(x, 5, 3, pad_end=True), tf.signal.frame(x[0], 4, 4, pad_end=True,
                                                              pad_value=9.0),
      tf.signal.overlap_and_add(framed, 3), tf.signal.overlap_and_add(framed[0], 5),
      tf.signal.dct(x), tf.signal.dct(x, norm="ortho"), tf.signal.dct(x, type=1),
      tf.signal.dct(x, type=3), tf.signal.dct(x, type=3, norm="ortho"),
      tf.signal.dct(x, type=4, norm="ortho"), tf.signal.dct(x, n=8), tf.signal.dct(x, n=20),
      tf.signal.idct(tf.signal.dct(x, norm="ortho"), norm="ortho"), tf.signal.idct(x, type=3),
      tf.spectral.dct(x[0])]
stfts = tf.signal.stft(x, 8, 4)
ts += [stfts, tf.signal.stft(x, 6, 2, fft_length=8, pad_end=True),
       tf.signal.inverse_stft(stfts, 8, 4),
       tf.signal.inverse_stft(stfts, 8, 4,
                              window_fn=tf.signal.inverse_stft_window_fn(4)),
       tf.signal.linear_to_mel_weight_matrix(6, 9, 8000, 100.0, 3000.0),
       tf.signal.mfccs_from_log_mel_spectrograms(tf.abs(x) + 1)]
for t in ts:
    print(t.dtype.name, t.shape)
spectrum = tf.signal.stft(x, 8, 4)
g = tf.gradients(tf.reduce_sum(tf.math.real(spectrum) ** 2 + tf.math.imag(spectrum) ** 2) +
                 tf.reduce_sum(tf.signal.dct(x, norm="ortho") * x), x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v).ravel()[:8], precision=4),
              np.round(np.abs(np.asarray(v)).sum(), 3))
    print(np.array2string(sess.run(g)[0].ravel()[:8], precision=4))
