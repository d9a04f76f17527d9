# tf.strided_slice with begin/end/strides and masks, and indexing with tensors.
x = tf.constant(np.arange(10))
i = tf.constant(3)
ts = [tf.strided_slice(x, [1], [8], [2]), tf.strided_slice(x, [8], [1], [-3]),
      tf.strided_slice(x, [2], [5], begin_mask=1), tf.strided_slice(x, [2], [5], end_mask=1),
      tf.strided_slice(x, [4], [5], shrink_axis_mask=1), x[i], x[i:], x[:i]]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: x[10], 'slice index 10 of dimension 0 out of bounds.')
show_error(lambda: x[1.5])
show_error_contains(lambda: tf.constant(5)[0], 'Attempting to slice scalar input.')
p = tf.placeholder(tf.float32, [None, 3])
print(p[0].shape, p[:, 0].shape, p[1:].shape, p[..., tf.newaxis].shape, p[:, ::2].shape)
