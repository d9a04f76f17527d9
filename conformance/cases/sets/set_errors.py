# tf.sets errors: dtypes, ranks, mismatched leading dimensions, unsorted sparse indices.
sess = tf.Session()
a = tf.constant([[1, 2], [3, 4]])
show_error_contains(lambda: tf.sets.set_union(tf.constant([[1.]]), tf.constant([[1.]])),
                    "'a' has invalid dtype `<dtype: 'float32'>` not in supported dtypes")
show_error(tf.sets.set_union, a, tf.constant([[1.]]))
show_error_contains(lambda: tf.sets.set_union(tf.constant([[1.]], tf.float16),
                                              tf.constant([[1.]], tf.float16)),
                    "'a' has invalid dtype `<dtype: 'float16'>` not in supported dtypes")
show_error(tf.sets.set_union, a, tf.constant([[1]], tf.int64))
show_error(tf.sets.set_union, tf.constant([1, 3, 2]), tf.constant([5, 3]))
show_error(tf.sets.set_size, a)
show_error_contains(lambda: tf.sets.set_size(tf.SparseTensor([[0, 0]], [1.], [1, 1])),
                    "Invalid dtype")
show_error(tf.sets.set_union, a, tf.constant([[1], [2], [3]]))
show_error(tf.sets.set_union, tf.constant([[[1]]]), tf.constant([[1]]))
rank1 = tf.SparseTensor([[0], [2]], [1, 1], [3])
show_error_contains(lambda: sess.run(tf.sets.set_size(rank1)), "Invalid rank 1.")
show_error(tf.sets.set_union, rank1, rank1)
show_error_contains(lambda: sess.run(tf.sets.set_union(
    tf.SparseTensor([[0, 0], [0, 1]], [1, 1], [2, 3]), tf.SparseTensor([[0, 0]], [1], [3, 3]))),
    "Mismatched shapes [2] vs [3]")
show_error_contains(lambda: sess.run(tf.sets.set_union(
    a, tf.SparseTensor([[0, 0], [0, 0]], [1, 2], [2, 1]))), "indices[1] = [0,0] is repeated")
show_error_contains(lambda: sess.run(tf.sets.set_union(
    a, tf.SparseTensor([[0, 0], [5, 0]], [1, 2], [2, 1]))),
    "indices[1] = [5,0] is out of bounds: need 0 <= index < [2,1]")
print(sess.run(tf.sets.set_union(tf.SparseTensor([[0, 0], [0, 1]], [2, 1], [2, 3]),
                                 tf.SparseTensor([[0, 0]], [1], [2, 1]))))
unsorted = tf.SparseTensor([[0, 1], [0, 0]], [3, 1], [2, 3])
show_error_contains(lambda: sess.run(tf.sets.set_size(unsorted)),
                    "indices[1] = [0,0] is out of order")
print(sess.run(tf.sets.set_size(unsorted, validate_indices=False)))
show_error_contains(lambda: sess.run(tf.sets.set_union(a, unsorted)), "out of order")
print(tf.gradients(tf.cast(tf.sets.set_size(tf.SparseTensor([[0, 0]], [1.5], [1, 1]) if False
                                            else tf.SparseTensor([[0, 0]], [1], [1, 1])),
                           tf.float32), tf.constant(1.0)))
