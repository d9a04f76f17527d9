# is_floating / is_integer / is_complex / is_bool / is_unsigned / is_numpy_compatible.
for d in [tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int8, tf.int32, tf.int64,
          tf.uint8, tf.uint64, tf.bool, tf.string, tf.complex64, tf.complex128]:
    print(d.name, d.is_floating, d.is_integer, d.is_complex, d.is_bool, d.is_unsigned,
          d.is_numpy_compatible)
