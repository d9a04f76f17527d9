# dtype and shape inferred for tf.constant from Python values.
for value in [1, 1.5, [1, 2.5], True, [True, False], 'x', b'bytes', ['a', 'bc'], [[1, 2], [3, 4]],
              2 ** 40, -2 ** 31, 1j, [], [[]], (1, 2, 3), [1.0, 2], 0.1]:
    t = tf.constant(value)
    print(repr(value), '->', t.dtype.name, t.shape)
