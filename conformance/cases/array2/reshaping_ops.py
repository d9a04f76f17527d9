# roll, reverse_sequence, sequence_mask, meshgrid, repeat, batch_gather, unique_with_counts,
# unravel_index, ensure_shape, broadcast shapes, saturate_cast and the to_* casts.
x = tf.constant(np.arange(6.0).reshape(2, 3))
ts = [tf.roll(x, 1, 1), tf.roll(x, [1, -1], [0, 1]), tf.manip.roll(tf.range(5), 2, 0),
      tf.reverse_sequence(x, [2, 3], seq_axis=1, batch_axis=0),
      tf.reverse_sequence(tf.transpose(x), [1, 2], seq_axis=0, batch_axis=1),
      tf.sequence_mask([1, 3, 0], 4), tf.sequence_mask([[1], [2]]),
      tf.sequence_mask([2, 1], 3, dtype=tf.float32),
      tf.repeat(x, 2), tf.repeat(x, [1, 2], axis=0), tf.repeat(x, 2, axis=1),
      tf.batch_gather(x, [[2, 0], [1, 1]]),
      tf.unique_with_counts([4, 1, 4, 2, 1, 4])[0], tf.unique_with_counts([4, 1, 4, 2])[1],
      tf.unique_with_counts([4, 1, 4, 2, 1, 4])[2],
      tf.unravel_index([5, 1, 3], [2, 3]), tf.unravel_index(4, [3, 2]),
      tf.ensure_shape(x, [2, None]), tf.broadcast_dynamic_shape([2, 1, 3], [4, 1]),
      tf.saturate_cast(tf.constant([-300.0, 5.5, 300.0]), tf.int8),
      tf.saturate_cast(tf.constant([-1, 70000]), tf.uint16),
      tf.to_bfloat16(tf.constant([1.5])), tf.to_complex64(tf.constant([1.5])),
      tf.to_complex128(tf.constant([2.0]))]
ts += tf.meshgrid([1, 2, 3], [4, 5]) + tf.meshgrid([1, 2, 3], [4, 5], indexing="ij")
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
print(tf.broadcast_static_shape(tf.TensorShape([2, 1, 3]), tf.TensorShape([4, 1])))
g = tf.gradients([tf.roll(x, 1, 1) * x, tf.reverse_sequence(x, [2, 3], 1, 0) * x,
                  tf.repeat(x, [1, 2], axis=0)], x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(np.array2string(sess.run(g)[0], precision=6))
    show_error_contains(lambda: sess.run(tf.ensure_shape(tf.placeholder_with_default(x, None),
                                                         [3, 3])),
                        "is not compatible with expected shape")
show_error(tf.ensure_shape, x, [3])
