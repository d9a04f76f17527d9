# RaggedTensor methods: bounding_shape, merge_dims, nested value_rowids, eager-only methods.
sess = tf.Session()
c = tf.ragged.constant([[1, 2], [3]])
n = tf.ragged.constant([[[1, 2], [3]], [[4]], []])
d = tf.RaggedTensor.from_row_splits([[1, 2], [3, 4], [5, 6]], [0, 1, 3])
for label, f in [
        ("bounding", lambda: c.bounding_shape()),
        ("bounding_nested", lambda: n.bounding_shape()),
        ("bounding_inner", lambda: d.bounding_shape()),
        ("bounding_axis", lambda: n.bounding_shape(axis=1)),
        ("bounding_int32", lambda: c.bounding_shape(out_type=tf.int32)),
        ("merge01", lambda: n.merge_dims(0, 1)),
        ("merge12", lambda: n.merge_dims(1, 2)),
        ("merge02", lambda: n.merge_dims(0, 2)),
        ("merge_same", lambda: n.merge_dims(1, 1)),
        ("nested_ids", lambda: n.nested_value_rowids()),
        ("from_nested_ids", lambda: tf.RaggedTensor.from_nested_value_rowids(
            [1, 2, 3], [[0, 0, 2], [0, 1, 1]], nested_nrows=[3, 3])),
        ("from_nested_ids_default", lambda: tf.RaggedTensor.from_nested_value_rowids(
            [1, 2, 3], [[0, 1], [0, 1, 1]]))]:
    r = f()
    print(label, r)
    print(' ', sess.run(r))
show_error(c.to_list)
show_error(c.numpy)
show_error(bool, c)
show_error(len, c)
show_error(lambda: n.merge_dims(2, 1))
print(c.get_shape(), n.get_shape(), d.get_shape())
