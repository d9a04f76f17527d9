# random_uniform range/dtype, random_normal mean/stddev, truncated_normal bounds, int uniform.
tf.set_random_seed(42)
ts = [tf.random_uniform([2, 2], -1.0, 1.0), tf.random_uniform([3], 5, 10, dtype=tf.int32),
      tf.random_normal([3], mean=10.0, stddev=0.1), tf.truncated_normal([1000], stddev=2.0),
      tf.random_uniform([2], dtype=tf.float64), tf.random_normal([2], dtype=tf.float64, seed=1)]
with tf.Session() as sess:
    vals = sess.run(ts)
for t, v in zip(ts[:3] + ts[4:], vals[:3] + vals[4:]):
    print(t.dtype.name, t.shape, repr(v))
print(ts[3].shape, float(np.abs(vals[3]).max()) <= 4.0, vals[3][:3])
show_error(tf.random_uniform, [2], 0, 10, dtype=tf.int32)
p = tf.placeholder(tf.int32, [2])
print(tf.random_normal(p).shape, tf.random_uniform([tf.constant(3)]).shape)
