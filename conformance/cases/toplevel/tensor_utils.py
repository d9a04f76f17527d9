# Framework utilities: is_tensor, is_symbolic_tensor, get_static_value, make_tensor_proto,
# convert_to_tensor_or_indexed_slices, dimension_at_index.
c = tf.constant([1., 2.])
v = tf.Variable(1.0, name="v")
sp = tf.SparseTensor([[0, 0]], [1.0], [2, 2])
slices = tf.IndexedSlices(c, tf.constant([0, 1]))
for label, value in [("tensor", c), ("variable", v), ("sparse", sp), ("slices", slices),
                     ("ndarray", np.ones(2)), ("float", 1.0), ("list", [1.0]), ("str", "s"),
                     ("shape", tf.TensorShape([1])), ("dtype", tf.float32),
                     ("sparse value", tf.SparseTensorValue([[0]], [1], [2]))]:
    print(label, tf.is_tensor(value), tf.is_symbolic_tensor(value))
print(tf.get_static_value(c), tf.get_static_value(tf.shape(tf.zeros([2, 3]))))
print(tf.get_static_value(tf.placeholder(tf.float32)))
print(tf.get_static_value(tf.stack([1, tf.placeholder(tf.int32, [])]), partial=True))
print(tf.get_static_value(np.arange(3)), tf.get_static_value(7))
for args, kwargs in [(([1, 2, 3],), {}), ((np.float32(2.5),), {}),
                     ((np.arange(4.).reshape(2, 2),), {"dtype": tf.float32}),
                     ((1.0,), {"shape": [2, 3]}), (([b"ab", b"c"],), {}),
                     (([True, False],), {}), (([1, 2],), {"dtype": tf.int64, "shape": [2]}),
                     (([[1, 2]],), {"dtype": tf.float64})]:
    proto = tf.make_tensor_proto(*args, **kwargs)
    print(type(proto).__name__, repr(str(proto)))
    print(tf.make_ndarray(proto))
show_error(tf.make_tensor_proto, [1, 2, 3], shape=[2])
show_error(tf.make_tensor_proto, [1, 2], shape=[4], verify_shape=True)
show_error(tf.make_tensor_proto, [1.5], dtype=tf.int32)
show_error(tf.make_tensor_proto, [1, 2], shape=[2, 2], allow_broadcast=True)
print(tf.make_ndarray(tf.make_tensor_proto(3, shape=[2, 2], allow_broadcast=True)))
print(tf.convert_to_tensor_or_indexed_slices([1, 2]))
print(tf.convert_to_tensor_or_indexed_slices(slices) is slices)
print(tf.convert_to_tensor_or_indexed_slices(v).op.type)
show_error(tf.convert_to_tensor_or_indexed_slices, slices, dtype=tf.int32)
shape = tf.TensorShape([3, None])
print(repr(tf.dimension_at_index(shape, 0)), repr(tf.dimension_at_index(shape, 1)))
print(repr(tf.dimension_at_index(tf.TensorShape(None), 4)))
print(repr(tf.dimension_at_index(shape, -1)))
