# TensorSpec / TypeSpec family and type_spec_from_value: reprs, equality, compatibility,
# conversions, supertypes.
s = tf.TensorSpec([2, None], tf.float32, name="x")
print(repr(s), str(s), s.shape, s.dtype, s.name)
print(s == tf.TensorSpec([2, None], tf.float32, "x"),
      hash(s) == hash(tf.TensorSpec([2, None], tf.float32, "x")),
      s == tf.TensorSpec([2, None], tf.float32), s != tf.TensorSpec([2, 3], tf.float32, "x"))
print(repr(tf.TensorSpec(None)), repr(tf.TensorSpec([], tf.int32)),
      repr(tf.TensorSpec(tf.TensorShape([1, 2]), "float64")))
print(s.is_compatible_with(tf.TensorSpec([2, 3], tf.float32)),
      s.is_compatible_with(tf.TensorSpec([2, 3], tf.float32, name="other")),
      s.is_compatible_with(tf.TensorSpec([2, 3], tf.int32)),
      s.is_compatible_with(tf.zeros([2, 5])), s.is_compatible_with(tf.zeros([3, 5])),
      s.is_compatible_with(tf.zeros([2, 5], tf.int32)))
print(repr(tf.TensorSpec.from_tensor(tf.zeros([3], tf.int64), name="z")),
      repr(tf.TensorSpec.from_tensor(tf.zeros([3], tf.int64, name="zz"))))
print(repr(tf.TensorSpec.from_spec(s, name="y")), repr(tf.TensorSpec.from_spec(s)))
print(repr(s.most_specific_common_supertype([tf.TensorSpec([2, 4], tf.float32, "x")])),
      repr(s.most_specific_common_supertype([tf.TensorSpec([3, 4], tf.float32)])),
      s.most_specific_common_supertype([tf.TensorSpec([3], tf.float32)]),
      s.most_specific_common_supertype([tf.TensorSpec([3, 4], tf.int32)]))
print(s.is_subtype_of(tf.TensorSpec([None, None], tf.float32, "x")),
      tf.TensorSpec([2, 2], tf.float32, "x").is_subtype_of(s),
      s.is_subtype_of(tf.TensorSpec(None, tf.float32, "x")))
print(s.value_type.__name__ in ("Tensor", "SymbolicTensor"))
show_error(tf.TensorSpec, [1], "bad")
print(repr(tf.SparseTensorSpec([None, 3], tf.int64)), tf.SparseTensorSpec([None, 3]).dtype,
      tf.SparseTensorSpec([None, 3]).shape)
print(repr(tf.IndexedSlicesSpec([None, 3], tf.float32)))
print(repr(tf.TensorArraySpec([2], tf.int32)))
print(repr(tf.NoneTensorSpec()), repr(tf.OptionalSpec(tf.TensorSpec([], tf.int32))))
print(tf.SparseTensorSpec([2], tf.int32) == tf.SparseTensorSpec([2], tf.int32),
      tf.SparseTensorSpec([2]).is_compatible_with(tf.SparseTensorSpec([None])),
      tf.SparseTensorSpec([2]).is_compatible_with(tf.SparseTensor([[0]], [1.], [2])),
      tf.NoneTensorSpec() == tf.NoneTensorSpec())
for value in [tf.zeros([2]), tf.SparseTensor([[0]], [1.], [3]),
              tf.IndexedSlices(tf.zeros([2, 4]), tf.constant([0, 1]))]:
    print(repr(tf.type_spec_from_value(value)))
for value in [np.zeros([2, 3]), 1.5, [1, 2], tf.constant("a"), tf.Variable([1., 2.], name="v")]:
    try:
        print(repr(tf.type_spec_from_value(value)))
    except Exception as e:
        print(type(e).__name__, str(e)[:80])
print(isinstance(s, tf.TypeSpec), issubclass(tf.SparseTensorSpec, tf.TypeSpec),
      issubclass(tf.TensorArraySpec, tf.TypeSpec))
show_error_contains(tf.TypeSpec, "abstract")
