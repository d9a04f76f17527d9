# zeros, ones, fill with dtypes and shapes given as lists, tuples, tensors and placeholders.
n = tf.placeholder(tf.int32, [2], name='n')
ts = [tf.zeros([2, 3]), tf.ones((2,), dtype=tf.int32), tf.zeros([]), tf.fill([2, 2], 9),
      tf.fill([3], 0.5), tf.zeros(tf.constant([1, 2])), tf.ones([2, 1], tf.bool),
      tf.zeros(n), tf.fill(n, 1.5), tf.zeros([0, 2], tf.int64), tf.zeros([2], tf.string)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts, {n: [1, 2]}):
        print(repr(v))
