# Kaiser / Kaiser-Bessel-derived / Vorbis windows, required_space_to_batch_paddings and
# batch_norm_with_global_normalization.
ts = [tf.signal.kaiser_window(6), tf.signal.kaiser_window(5, beta=4.0),
      tf.signal.kaiser_window(1), tf.signal.kaiser_bessel_derived_window(8),
      tf.signal.kaiser_bessel_derived_window(6, beta=3.0, dtype=tf.float64),
      tf.signal.vorbis_window(6), tf.signal.vorbis_window(5, dtype=tf.float64)]
paddings, crops = tf.required_space_to_batch_paddings([5, 7], [2, 3], [[1, 0], [0, 2]])
x = tf.constant(np.linspace(-1, 1, 12, dtype=np.float32).reshape(2, 6))
bn = tf.nn.batch_norm_with_global_normalization(
    x, tf.constant(0.1), tf.constant(0.5), tf.constant(0.2), tf.constant(3.0), 0.001, True)
bn2 = tf.nn.batch_norm_with_global_normalization(
    x, tf.constant(0.1), tf.constant(0.5), tf.constant(0.2), tf.constant(3.0), 0.001, False)
for t in ts + [paddings, crops, bn, bn2]:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts + [paddings, crops, bn, bn2]):
        print(np.array2string(np.asarray(v), precision=5))
