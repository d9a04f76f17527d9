# xlogy family, no-nan products/quotients, truncating division, floor_div, rint, nextafter.
x = tf.constant([0.0, 1.0, -2.0, 3.0], tf.float64)
y = tf.constant([2.0, 0.0, 4.0, 0.5], tf.float64)
ts = [tf.math.xlogy(x, tf.abs(y)), tf.math.xdivy(x, y), tf.math.xlog1py(x, y),
      tf.math.multiply_no_nan(tf.constant([np.inf, 2.0, np.nan, 1.0], tf.float64), y),
      tf.math.divide_no_nan(x, y), tf.math.reciprocal_no_nan(y),
      tf.truncatediv(x, tf.constant([2.0, 3.0, 3.0, 2.0], tf.float64)),
      tf.truncatediv(tf.constant([7, -7, 7, -7]), tf.constant([2, 2, -2, -2])),
      tf.truncatemod(tf.constant([7, -7, 7, -7]), tf.constant([2, 2, -2, -2])),
      tf.truncatemod(tf.constant([7.5, -7.5]), tf.constant([2.0, 2.0])),
      tf.floor_div(tf.constant([7, -7]), tf.constant([2, 2])),
      tf.rint(tf.constant([0.5, 1.5, -2.5, 2.6])),
      tf.math.nextafter(tf.constant([1.0, 0.0], tf.float32), tf.constant([2.0, -1.0])),
      tf.atan2(tf.constant([1.0, -1.0]), tf.constant([-1.0, -1.0]))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
gx = tf.gradients([ts[0], ts[1], ts[2], ts[4]], [x, y])
g_mul = tf.gradients(tf.math.multiply_no_nan(x, y), [x, y])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print([np.array2string(v, precision=6) for v in sess.run(gx)])
    print([np.array2string(v, precision=6) for v in sess.run(g_mul)])
show_error(lambda: tf.Session().run(tf.truncatediv(tf.constant([1]), tf.constant([0]))))
print(tf.gradients(tf.truncatediv(x, y), [x, y]))
print(tf.gradients(tf.rint(x), x))
