# tf.random.stateless_*: identical values for identical seeds, across runs and dtypes.
ts = [tf.random.stateless_uniform([10], seed=[1, 2]),
      tf.random.stateless_uniform([2, 3], seed=[1, 2], dtype=tf.float64),
      tf.random.stateless_uniform([5], seed=[3, 4], minval=0, maxval=10, dtype=tf.int32),
      tf.random.stateless_uniform([3], seed=[3, 4], minval=-5, maxval=5, dtype=tf.int64),
      tf.random.stateless_uniform([4], seed=tf.constant([7, 8], tf.int64), minval=2.0,
                                  maxval=3.0),
      tf.random.stateless_uniform([3], seed=[1, 2], dtype=tf.float16),
      tf.random.stateless_normal([6], seed=[1, 2]),
      tf.random.stateless_normal([3], seed=[1, 2], mean=5.0, stddev=2.0, dtype=tf.float64),
      tf.random.stateless_truncated_normal([6], seed=[5, 6]),
      tf.random.stateless_truncated_normal([2, 2], seed=[5, 6], dtype=tf.float64),
      tf.random.stateless_uniform([0], seed=[1, 1])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    first = sess.run(ts)
    second = sess.run(ts)
    for a, b in zip(first, second):
        print(np.array2string(a, precision=6), np.array_equal(a, b))
logits = tf.constant([[0.0, 1.0, 2.0], [2.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
draws = [tf.random.stateless_categorical(logits, 8, seed=[3, 9]),
         tf.random.stateless_multinomial(logits, 5, seed=[1, 2], output_dtype=tf.int32)]
for t in draws:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(draws):
        print(v)
