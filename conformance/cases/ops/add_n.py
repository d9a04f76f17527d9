# add_n sums a list of same-shape tensors; a single element is passed through.
a = tf.constant([1.0, 2.0])
ts = [tf.add_n([a, a, a]), tf.add_n([a]), tf.add_n([tf.constant(1), tf.constant(2)]),
      tf.add_n([a, [10.0, 20.0]])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    print(sess.run(ts))
show_error(tf.add_n, [])
show_error(tf.add_n, [a, tf.constant([1.0, 2.0, 3.0])])
show_error(tf.add_n, [a, tf.constant([1, 2])])
