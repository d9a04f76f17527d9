# Invalid reduction axes and conflicting aliases.
x = tf.constant([[1.0, 2.0]])
show_error_contains(lambda: tf.reduce_sum(x, 2),
                    'Invalid reduction dimension 2 for input with 2 dimensions.')
show_error_contains(lambda: tf.reduce_sum(x, -3),
                    'Invalid reduction dimension -3 for input with 2 dimensions.')
show_error(tf.reduce_sum, x, axis=0, reduction_indices=0)
show_error(tf.reduce_sum, x, keepdims=True, keep_dims=True)
p = tf.placeholder(tf.float32, [None, 3])
print(tf.reduce_sum(p, 0).shape, tf.reduce_sum(p, 1).shape, tf.reduce_sum(p).shape,
      tf.reduce_mean(p, 0, keepdims=True).shape, tf.reduce_max(tf.placeholder(tf.float32), 0).shape)
