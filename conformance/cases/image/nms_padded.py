# non_max_suppression_padded: unbatched (sliced or padded) and batched (padded), thresholds.
rng = np.random.RandomState(37)
c = rng.uniform(0, 1, (12, 2))
s = rng.uniform(0.05, 0.4, (12, 2))
bn = np.concatenate([c - s / 2, c + s / 2], 1).astype(np.float32)
sc = rng.uniform(0, 1, 12).astype(np.float32)
b = tf.constant(bn)
i1, n1 = tf.image.non_max_suppression_padded(b, sc, 6, 0.3)
i2, n2 = tf.image.non_max_suppression_padded(b, sc, 8, 0.2, pad_to_max_output_size=True)
i3, n3 = tf.image.non_max_suppression_padded(
    tf.constant(np.stack([bn, bn[::-1]])), np.stack([sc, sc]), 5, 0.3, score_threshold=0.2,
    pad_to_max_output_size=True)
i4, n4 = tf.image.non_max_suppression_padded(b, sc, 20, 0.5, score_threshold=0.5,
                                             pad_to_max_output_size=True)
print(i1.shape, n1.shape, i2.shape, n2.shape, i3.shape, n3.shape, i4.shape)
print(i1.dtype, n1.dtype, i3.dtype, n3.dtype)
with tf.Session() as sess:
    for v in sess.run([i1, n1, i2, n2, i3, n3, i4, n4]):
        print(np.asarray(v).tolist())
show_error(tf.image.non_max_suppression_padded, tf.constant(np.stack([bn, bn])),
           np.stack([sc, sc]), 5)
