# DType equality against other DTypes, names and numpy types.
print(tf.float32 == tf.float32, tf.float32 == tf.float64, tf.float32 != tf.int32)
print(tf.float32 == 'float32', tf.float32 == np.float32, tf.int64 == np.dtype('int64'))
print(tf.float32 == 'nonsense', tf.float32 == None, tf.float32 == 3)  # noqa: E711
print(hash(tf.float32) == hash(tf.as_dtype('float32')))
print(len({tf.float32, tf.as_dtype(np.float32), tf.float64}))
print(tf.float32.is_compatible_with(tf.float32), tf.float32.is_compatible_with(tf.float64))
print(repr(tf.dtypes.float32), tf.dtypes.float32 is tf.float32, isinstance(tf.int8, tf.DType))
