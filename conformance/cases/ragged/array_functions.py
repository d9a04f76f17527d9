# tf.ragged.boolean_mask, stack, stack_dynamic_partitions, cross, cross_hashed.
sess = tf.Session()
c = tf.ragged.constant([[1, 2], [3]])
d = tf.ragged.constant([[4], [5, 6, 7]])
words = tf.ragged.constant([["a", "b"], ["c"]])
for label, f in [
        ("sdp", lambda: tf.ragged.stack_dynamic_partitions([10, 20, 30, 40], [1, 0, 1, 2], 4)),
        ("sdp_ragged", lambda: tf.ragged.stack_dynamic_partitions(c, [1, 0], 2)),
        ("cross", lambda: tf.ragged.cross([words, tf.constant([["d"], ["e"]])])),
        ("cross3", lambda: tf.ragged.cross([words, tf.ragged.constant([["x", "y"], []]),
                                            tf.constant([[1], [2]], tf.int64)])),
        ("cross_sparse", lambda: tf.ragged.cross([tf.SparseTensor([[0, 0], [1, 0]], ["p", "q"],
                                                                  [2, 1]), words])),
        ("hashed", lambda: tf.ragged.cross_hashed([words, tf.constant([["d"], ["e"]])],
                                                  num_buckets=100)),
        ("hashed0", lambda: tf.ragged.cross_hashed([words, tf.constant([["d"], ["e"]])])),
        ("hashed_key", lambda: tf.ragged.cross_hashed([words, tf.constant([["d"], ["e"]])],
                                                      num_buckets=100, hash_key=7)),
        ("stack0", lambda: tf.ragged.stack([c, d])),
        ("stack1", lambda: tf.ragged.stack([c, d], axis=1)),
        ("stack_dense", lambda: tf.ragged.stack([tf.constant([1, 2]), tf.constant([3, 4])])),
        ("stack_mixed", lambda: tf.ragged.stack([c, tf.constant([[7, 8], [9, 10]])])),
        ("mask_ragged", lambda: tf.ragged.boolean_mask(c, c > 1)),
        ("mask_rows", lambda: tf.ragged.boolean_mask(c, [False, True])),
        ("mask_dense_rows", lambda: tf.ragged.boolean_mask([[1, 2], [3, 4]], [False, True])),
        ("mask_dense", lambda: tf.ragged.boolean_mask([[1, 2], [3, 4]], [[True, False],
                                                                         [True, True]])),
        ("mask_3d", lambda: tf.ragged.boolean_mask([[[1, 2], [3, 4]], [[5, 6], [7, 8]]],
                                                   [[True, False], [True, True]]))]:
    r = f()
    print(label, r)
    print(' ', sess.run(r))
show_error(lambda: tf.ragged.boolean_mask([[1, 2]], [[[True]]]))
show_error(lambda: tf.ragged.cross([tf.ragged.constant([[[1]]])]))
