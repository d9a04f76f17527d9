# matmul shape and dtype errors raise at graph construction.
a = tf.constant([[1.0, 2.0]])
show_error_contains(lambda: tf.matmul(a, a), 'Dimensions must be equal, but are 2 and 1')
show_error(tf.matmul, a, tf.constant([[1], [2]]))
show_error_contains(lambda: tf.matmul(tf.constant([1.0, 2.0]), a),
                    'Shape must be rank 2 but is rank 1')
p = tf.placeholder(tf.float32, [None, 2])
print(tf.matmul(p, a, transpose_b=True).shape, tf.matmul(p, p, transpose_a=True).shape)
q = tf.placeholder(tf.float32)
print(tf.matmul(q, a, transpose_b=True).shape)
