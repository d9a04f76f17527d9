# Ragged ops on empty inputs: no strings, no rows, no values.
sess = tf.Session()
e = tf.constant([], tf.string)
no_rows = tf.RaggedTensor.from_row_splits(tf.zeros([0]), [0])
empty_rows = tf.RaggedTensor.from_row_splits(tf.zeros([0]), [0, 0, 0])
c = tf.ragged.constant([[1, 2], [3]])
for label, f in [
        ("decode", lambda: tf.strings.unicode_decode(e, "UTF-8")),
        ("split", lambda: tf.strings.unicode_split(e, "UTF-8")),
        ("decode_empty_string", lambda: tf.strings.unicode_decode([""], "UTF-8")),
        ("ngrams", lambda: tf.strings.ngrams(tf.RaggedTensor.from_row_splits(e, [0]), 2)),
        ("bytes_split", lambda: tf.strings.bytes_split(e)),
        ("script", lambda: tf.strings.unicode_script(tf.zeros([0], tf.int32))),
        ("gather", lambda: tf.gather(c, tf.zeros([0], tf.int32))),
        ("sum_rows", lambda: tf.reduce_sum(no_rows, axis=1)),
        ("sum_empty_rows", lambda: tf.reduce_sum(empty_rows, axis=1)),
        ("max_empty_rows", lambda: tf.reduce_max(empty_rows, axis=1)),
        ("to_tensor", lambda: empty_rows.to_tensor()),
        ("to_sparse", lambda: empty_rows.to_sparse()),
        ("range", lambda: tf.ragged.range(tf.zeros([0], tf.int32))),
        ("fill", lambda: tf.ragged_fill_empty_rows(tf.zeros([0], tf.int64), tf.zeros([0]), 2,
                                                   1.)),
        ("row_lengths", lambda: empty_rows.row_lengths()),
        ("rowids", lambda: empty_rows.value_rowids()),
        ("slice", lambda: c[5:]),
        ("columns", lambda: c[:, 5:]),
        ("concat", lambda: tf.concat([no_rows, no_rows], axis=0)),
        ("bincount", lambda: tf.sparse.bincount(tf.zeros([0], tf.int64))),
        ("mask", lambda: tf.ragged.boolean_mask(c, [False, False]))]:
    r = f()
    print(label, r)
    print(' ', repr(sess.run(r)))
show_error(lambda: tf.sparse.bincount(no_rows.values))
