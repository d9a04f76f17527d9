# RaggedTensor factories: reprs, static shapes, fetched RaggedTensorValues, accessors.
sess = tf.Session()
rt = tf.RaggedTensor.from_row_splits([1, 2, 3, 4, 5], [0, 2, 2, 5])
print(repr(rt))
print(rt.shape, rt.ragged_rank, rt.dtype, rt.row_splits.dtype)
v = sess.run(rt)
print(type(v).__name__, repr(v), v.to_list(), str(v))
print(v.shape, v.ragged_rank, v.dtype, v.flat_values, v.nested_row_splits)
print(sess.run(rt.row_lengths()), sess.run(rt.value_rowids()), sess.run(rt.nrows()))
print(sess.run(rt.row_starts()), sess.run(rt.row_limits()))
print(rt.nrows(), rt.row_starts(), rt.row_limits(), rt.value_rowids())
for name, r in [
        ("lengths", tf.RaggedTensor.from_row_lengths([1, 2, 3], [2, 0, 1])),
        ("rowids", tf.RaggedTensor.from_value_rowids([1, 2, 3], [0, 0, 2], nrows=4)),
        ("rowids_no_nrows", tf.RaggedTensor.from_value_rowids([1., 2., 3.], [0, 0, 2])),
        ("starts", tf.RaggedTensor.from_row_starts([1, 2, 3], [0, 2, 2])),
        ("limits", tf.RaggedTensor.from_row_limits([1, 2, 3], [2, 2, 3])),
        ("nested", tf.RaggedTensor.from_nested_row_splits([1, 2, 3], [[0, 1, 2], [0, 2, 3]])),
        ("nested_lengths", tf.RaggedTensor.from_nested_row_lengths([1, 2, 3], [[1, 1], [2, 1]])),
        ("novalidate", tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 2, 3], validate=False)),
        ("int32", tf.RaggedTensor.from_row_splits([1, 2, 3], tf.constant([0, 2, 3], tf.int32))),
        ("inner", tf.RaggedTensor.from_row_splits([[1, 2], [3, 4], [5, 6]], [0, 1, 3])),
        ("novalidate_lengths", tf.RaggedTensor.from_row_lengths([1, 2], [1, 1],
                                                                validate=False))]:
    print(name, r)
    print(' ', r.shape, r.ragged_rank, sess.run(r))
n = tf.RaggedTensor.from_nested_row_splits([1, 2, 3], [[0, 1, 2], [0, 2, 3]])
print(n.flat_values, n.nested_row_splits, n.values)
print(sess.run(n.row_lengths(axis=2)), sess.run(n.nested_row_lengths()))
print(repr(sess.run(n)), sess.run(n).to_list())
print(n.with_flat_values(tf.constant([4., 5., 6.])))
print(sess.run(n.with_values(n.values * 10)))
print(sess.run(rt.with_row_splits_dtype(tf.int32)).row_splits.dtype)
print(sess.run({'a': rt, 'b': [rt.values, rt]}))
