# segment_* (sorted ids) and unsorted_segment_*: values, static shapes, gradients.
data = tf.constant([[1.0, 2.0], [3.0, -4.0], [5.0, 6.0], [0.0, 8.0]], tf.float64)
ids = tf.constant([0, 0, 2, 2])
uids = tf.constant([1, 0, 1, -1])
ts = [tf.math.segment_sum(data, ids), tf.math.segment_mean(data, ids),
      tf.math.segment_prod(data, ids), tf.math.segment_min(data, ids),
      tf.math.segment_max(data, ids), tf.segment_sum(data, ids),
      tf.math.unsorted_segment_max(data, uids, 3), tf.math.unsorted_segment_min(data, uids, 3),
      tf.math.unsorted_segment_prod(data, uids, 3), tf.math.unsorted_segment_mean(data, uids, 3),
      tf.math.unsorted_segment_sqrt_n(data, uids, 3),
      tf.math.segment_sum(tf.constant([1, 2, 3]), [0, 1, 1])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
grads = [tf.gradients(t, data)[0] for t in ts[:11]]
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    for v in sess.run(grads):
        print(np.array2string(np.asarray(v), precision=6))
show_error(lambda: tf.Session().run(tf.math.segment_sum(data, [1, 0, 0, 0])))
