# repr, str and name of every common DType.
for d in [tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int8, tf.int16, tf.int32,
          tf.int64, tf.uint8, tf.uint16, tf.uint32, tf.uint64, tf.bool, tf.string,
          tf.complex64, tf.complex128]:
    print(repr(d), str(d), d.name, d.size)
