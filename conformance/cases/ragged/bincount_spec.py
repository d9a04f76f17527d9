# tf.sparse.bincount on dense, sparse and ragged inputs; tf.math.bincount on sparse and
# ragged inputs; tf.RaggedTensorSpec.
sess = tf.Session()
c = tf.ragged.constant([[1, 2, 2], [3]])
st = tf.SparseTensor([[0, 0], [0, 1], [1, 0]], [1, 1, 2], [2, 3])
d = tf.constant([[1, 1, 4], [0, 2, 2]])
for label, f in [
        ("dense0", lambda: tf.sparse.bincount(d)),
        ("dense_axis", lambda: tf.sparse.bincount(d, axis=-1)),
        ("dense_axis_w", lambda: tf.sparse.bincount(
            d, weights=tf.constant([[1., 2., 3.], [4., 5., 6.]]), axis=-1)),
        ("dense_binary", lambda: tf.sparse.bincount(d, axis=-1, binary_output=True)),
        ("dense_min", lambda: tf.sparse.bincount(d, axis=-1, minlength=7)),
        ("dense_max", lambda: tf.sparse.bincount(d, axis=-1, maxlength=2)),
        ("sparse_axis", lambda: tf.sparse.bincount(st, axis=-1)),
        ("sparse0", lambda: tf.sparse.bincount(st)),
        ("ragged_axis", lambda: tf.sparse.bincount(c, axis=-1)),
        ("ragged_axis_w", lambda: tf.sparse.bincount(
            c, weights=tf.ragged.constant([[1., 2., 3.], [4.]]), axis=-1)),
        ("vector", lambda: tf.sparse.bincount([3, 1, 1])),
        ("vector64", lambda: tf.sparse.bincount(tf.constant([3, 1, 1], tf.int64))),
        ("empty", lambda: tf.sparse.bincount(tf.zeros([0], tf.int32))),
        ("math_sparse", lambda: tf.math.bincount(st)),
        ("math_ragged_w", lambda: tf.math.bincount(
            c, weights=tf.ragged.constant([[1., 2., 3.], [4.]])))]:
    r = f()
    print(label, r)
    print(' ', sess.run(r))
show_error(lambda: tf.sparse.bincount(d, axis=1))
show_error(lambda: sess.run(tf.sparse.bincount([-1, 2])))
spec = tf.RaggedTensorSpec([2, None], tf.int32)
print(spec, spec.shape, spec.dtype, spec.ragged_rank, spec.row_splits_dtype,
      spec.flat_values_spec, spec.value_type.__name__)
print(spec.is_compatible_with(c), spec == tf.RaggedTensorSpec([2, None], tf.int32),
      hash(spec) == hash(tf.RaggedTensorSpec([2, None], tf.int32)))
show_error(lambda: tf.RaggedTensorSpec(None, tf.int32))
show_error(lambda: tf.RaggedTensorSpec([2, None], tf.int32, ragged_rank=2))
inner = tf.RaggedTensorSpec([None, None, 3], tf.float32, ragged_rank=1)
print(inner, inner.is_compatible_with(tf.ragged.constant([[[1., 2., 3.]]], ragged_rank=1)),
      inner.is_compatible_with(tf.ragged.constant([[1]])))
print(inner == tf.RaggedTensorSpec([None, None, 3], tf.float32, ragged_rank=1),
      inner != tf.RaggedTensorSpec([None, None, 3], tf.float32, 1, tf.int32))
print(tf.RaggedTensorSpec.from_value(tf.ragged.constant([[[1, 2]]])))
print(spec.is_compatible_with(tf.RaggedTensorSpec([None, None], tf.int32)))
print(tf.RaggedTensorSpec(tf.TensorShape([2, None]), 'float64'))
print(tf.RaggedTensorSpec(None, tf.int32, 2))
print(tf.data.experimental.RaggedTensorStructure(tf.int32, [None, None], 1))
show_error(tf.data.experimental.RaggedTensorStructure, tf.int32, [None], 1)
