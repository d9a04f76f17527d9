# The numpy scalar type behind each DType.
for d in [tf.float16, tf.float32, tf.float64, tf.int8, tf.int32, tf.int64, tf.uint8,
          tf.bool, tf.string, tf.complex64, tf.complex128]:
    print(d.name, d.as_numpy_dtype, np.dtype(d.as_numpy_dtype), d.as_datatype_enum)
