# Representable ranges of numeric dtypes.
for d in [tf.float16, tf.float32, tf.float64, tf.int8, tf.int16, tf.int32, tf.int64,
          tf.uint8, tf.uint16, tf.uint32, tf.uint64]:
    print(d.name, repr(d.min), repr(d.max))
show_error(lambda: tf.bool.min)
show_error(lambda: tf.string.min)
show_error(lambda: tf.complex64.max)
