# mdct / inverse_mdct (vorbis and KBD windows, ortho scaling): values and reconstruction.
rng = np.random.RandomState(7)
x = tf.constant(rng.normal(size=(2, 16)))
m = tf.signal.mdct(x, 8)
ts = [m, tf.signal.mdct(x, 8, norm="ortho"), tf.signal.mdct(x, 4, pad_end=True),
      tf.signal.mdct(x, 8, window_fn=tf.signal.kaiser_bessel_derived_window),
      tf.signal.inverse_mdct(m), tf.signal.inverse_mdct(tf.signal.mdct(x, 8, norm="ortho"),
                                                       norm="ortho")]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(v.ravel()[:8], precision=5), np.round(np.abs(v).sum(), 4))
