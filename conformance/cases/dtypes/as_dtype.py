# tf.as_dtype accepts names, numpy types, numpy dtypes, DTypes and Python types.
for x in ['float32', 'float64', 'int32', 'int64', 'bool', 'string', 'uint8', 'half', 'double',
          np.float32, np.float64, np.int32, np.int64, np.bool_, np.uint8, np.complex64,
          np.dtype('float32'), np.dtype('int16'), np.dtype('O'),
          tf.float32, tf.int64]:
    d = tf.as_dtype(x)
    print(repr(x) if not isinstance(x, type) else x.__name__, '->', repr(d))
print(tf.as_dtype('float32') is tf.float32)
print(tf.as_dtype(np.int64) is tf.int64)
for py_type in [float, int, bool, complex, str, bytes, object]:
    show_error(tf.as_dtype, py_type)
