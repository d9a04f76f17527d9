# dynamic_partition / dynamic_stitch (and their gradients), histograms, searchsorted.
data = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]], tf.float64)
parts = tf.dynamic_partition(data, [1, 0, 1, 2], 3)
stitched = tf.dynamic_stitch([[0, 2], [1], [3]], [data[:2], data[2:3], data[3:]])
ts = parts + [stitched, tf.dynamic_stitch([[2, 0], [1, 0]], [[10, 20], [30, 40]]),
              tf.histogram_fixed_width([-1.0, 0.0, 1.5, 2.0, 5.0, 2.5], [0.0, 5.0], nbins=5),
              tf.histogram_fixed_width(tf.constant([1, 2, 9]), [0, 10], nbins=2,
                                       dtype=tf.int64),
              tf.histogram_fixed_width_bins([-1.0, 0.0, 1.5, 2.0, 5.0, 2.5], [0.0, 5.0],
                                            nbins=5),
              tf.searchsorted([1.0, 2.0, 2.0, 3.0], [2.0, 0.5, 3.5]),
              tf.searchsorted([1.0, 2.0, 2.0, 3.0], [2.0, 0.5, 3.5], side="right"),
              tf.searchsorted([[1, 3, 5], [2, 4, 6]], [[3, 6], [1, 7]], out_type=tf.int64)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([parts[0] * 2, parts[1] * 3], data)
g2 = tf.gradients(stitched * tf.constant([[1.0], [2.0], [3.0], [4.0]], tf.float64), data)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(sess.run(g)[0], sess.run(g2)[0])
    show_error_contains(lambda: sess.run(tf.dynamic_partition(data, [0, 1, 5, 0], 2)),
                        "is not in [0, 2)")
