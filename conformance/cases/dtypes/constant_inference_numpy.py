# dtype inferred for tf.constant from numpy values.
for value in [np.array(1.0), np.float32(2.0), np.int64(3), np.int32(4), np.int8(5), np.uint8(6),
              np.float16(1.5), np.bool_(True), np.array([1, 2]), np.array([1, 2], np.int32),
              np.zeros((2, 0)), np.array(['a', 'b']), np.array([b'x']), np.complex64(1j),
              np.arange(6.0).reshape(2, 3).astype(np.float32)]:
    t = tf.constant(value)
    print(repr(value), '->', t.dtype.name, t.shape)
