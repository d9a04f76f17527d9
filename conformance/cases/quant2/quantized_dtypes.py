# Quantized dtypes: numpy form, limits, and conversion back from their numpy form.
for d in [tf.qint8, tf.quint8, tf.qint16, tf.quint16, tf.qint32]:
    print(d, repr(d.as_numpy_dtype), d.is_numpy_compatible, d.size)
    print(" flags", d.is_integer, d.is_quantized, d.is_floating, d.is_unsigned)
    print(" as_dtype", tf.as_dtype(d.as_numpy_dtype), tf.as_dtype(np.dtype(d.as_numpy_dtype)))
    show_error(getattr, d, "min")
    show_error(getattr, d, "max")
    show_error(getattr, d, "limits")
    print(" ref", d._as_ref if hasattr(d, "_as_ref") else None)
for d in [tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int8, tf.int16, tf.int32, tf.int64,
          tf.uint8, tf.uint16, tf.uint32, tf.uint64, tf.bool, tf.complex64, tf.string,
          tf.float32._as_ref]:
    show_error(getattr, d, "limits")
