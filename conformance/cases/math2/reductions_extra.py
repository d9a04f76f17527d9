# count_nonzero, reduce_variance/std, reduce_euclidean_norm, cumulative_logsumexp, arg_max,
# accumulate_n, polyval, monotonicity tests.
x = tf.constant([[1.0, 0.0, 3.0], [0.0, -2.0, 5.0]], tf.float64)
ts = [tf.count_nonzero(x), tf.count_nonzero(x, axis=1, keepdims=True),
      tf.math.count_nonzero(tf.constant([0, 2, 3]), dtype=tf.int32),
      tf.math.reduce_variance(x), tf.math.reduce_variance(x, axis=0),
      tf.math.reduce_std(x, axis=1, keepdims=True),
      tf.math.reduce_euclidean_norm(x), tf.math.reduce_euclidean_norm(x, axis=1),
      tf.math.reduce_euclidean_norm(tf.constant([[3, 4], [5, 12]]), axis=1),
      tf.math.cumulative_logsumexp(x, axis=1),
      tf.math.cumulative_logsumexp(x, axis=0, exclusive=True, reverse=True),
      tf.arg_max(x, 1), tf.arg_min(x, 0, output_type=tf.int32),
      tf.math.accumulate_n([x, x, x]), tf.math.polyval([1.0, 2.0, 3.0], 2.0),
      tf.math.polyval([x, x], x),
      tf.math.is_non_decreasing([1, 1, 2]), tf.math.is_strictly_increasing([1, 1, 2]),
      tf.math.is_strictly_increasing(tf.zeros([0]))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([tf.math.reduce_euclidean_norm(x, axis=1), tf.math.reduce_std(x),
                  tf.math.cumulative_logsumexp(x, axis=1, exclusive=True)], x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(np.array2string(sess.run(g)[0], precision=6))
