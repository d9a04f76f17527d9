# tf.ragged: constant, constant_value, placeholder feeding, range, segment ids,
# map_flat_values; tf.ragged_fill_empty_rows.
sess = tf.Session()
for pylist, kw in [([[1, 2], [3]], {}), ([[1.5], []], {}), ([["a"], []], {}),
                   ([[[1, 2]], []], {"ragged_rank": 1}),
                   ([[1, 2], [3]], {"dtype": tf.float64, "row_splits_dtype": tf.int32}),
                   ([[[1, 2], [3]], [[4]]], {}), ([], {}), ([[], []], {}),
                   ([[[1, 2], [3, 4]], [[5, 6]]], {"inner_shape": (2,)})]:
    r = tf.ragged.constant(pylist, **kw)
    print(r, r.shape)
    print(' ', repr(sess.run(r)))
    v = tf.ragged.constant_value(pylist, **kw)
    print(' ', repr(v), v.shape if hasattr(v, 'shape') else None, v.dtype)
print(tf.ragged.constant(5))
show_error(lambda: tf.ragged.constant([[1, 2], 3]))
show_error(lambda: tf.ragged.constant([[1, [2]]]))
show_error(lambda: tf.ragged.constant([[1, 2]], ragged_rank=3))
print(tf.ragged.constant_value([["a"], []]))
V = tf.ragged.RaggedTensorValue
v = V(V(np.array([1., 2, 3, 4]), np.array([0, 1, 4])), np.array([0, 2]))
print(v.shape, v.ragged_rank, v.dtype, v.flat_values, v.nested_row_splits, str(v))
show_error(lambda: V(np.array([1]), [0, 1]))
show_error(lambda: V([1], np.array([0, 1])))
p = tf.ragged.placeholder(tf.float32, 1, [])
print(p, p.shape)
print(repr(sess.run(p + 1, {p: tf.ragged.constant_value([[1., 2.], [3.]])})))
p2 = tf.ragged.placeholder(tf.int32, 2, [3])
print(p2, p2.shape)
val = tf.ragged.constant_value([[[[1, 2, 3]], []], [[[4, 5, 6], [7, 8, 9]]]], ragged_rank=2)
print(sess.run(p2.row_lengths(axis=2), {p2: val}))
print(tf.ragged.placeholder(tf.int32, 0, [3]))
p3 = tf.ragged.placeholder(tf.float32, 1, [None])
show_error(lambda: sess.run(p3, {p3: tf.ragged.constant_value([[1., 2.], [3.]])}))
for r in [tf.ragged.range([3, 1]), tf.ragged.range(3), tf.ragged.range([1, 2], [4, 3]),
          tf.ragged.range(0, [5, 2], 2), tf.ragged.range(0., 1., [0.25, 0.5]),
          tf.ragged.range([3, 1], row_splits_dtype=tf.int32)]:
    print(r, sess.run(r))
show_error(lambda: sess.run(tf.ragged.range(0, 3, 0)))
print(tf.ragged.segment_ids_to_row_splits([0, 0, 2]),
      sess.run(tf.ragged.segment_ids_to_row_splits([0, 0, 2])),
      sess.run(tf.ragged.segment_ids_to_row_splits([0, 0, 2], num_segments=5)))
print(tf.ragged.row_splits_to_segment_ids([0, 2, 2, 3]),
      sess.run(tf.ragged.row_splits_to_segment_ids([0, 2, 2, 3])))
c = tf.ragged.constant([[1, 2], [3]])
m = tf.ragged.map_flat_values(tf.ones_like, c)
print(m, sess.run(m))
print(sess.run(tf.ragged.map_flat_values(tf.add, c, c)))
print(sess.run(tf.ragged.map_flat_values(tf.multiply, c, 3)))
f = tf.ragged_fill_empty_rows([0, 0, 2], [1, 2, 3], 4, 9)
print(f)
print(sess.run(f))
g = tf.ragged_fill_empty_rows_grad([0, 1, 3], [1., 2., 3., 4., 5.])
print(g, sess.run(g))
