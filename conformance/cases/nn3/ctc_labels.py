# collapse_repeated and ctc_unique_labels: values, dtypes, static shapes.
cr = tf.nn.collapse_repeated(tf.constant([[1, 1, 2, 2, 3], [4, 4, 4, 0, 0]]), [5, 3])
print(cr[1], cr[0].dtype)
ul = tf.nn.ctc_unique_labels(tf.constant([[3, 4, 4, 3], [1, 1, 0, 0]]))
print([t.shape for t in ul], [t.dtype for t in ul])
unknown = tf.nn.collapse_repeated(tf.placeholder(tf.int32, [None, None]),
                                  tf.placeholder(tf.int32, [None]))
print([t.shape for t in unknown])
with tf.Session() as sess:
    print(sess.run([cr, ul]))
    print(sess.run(tf.nn.collapse_repeated(tf.constant([[1, 1, 1], [2, 2, 3]], tf.int64),
                                           [0, 2])))
    print(sess.run(tf.nn.collapse_repeated(tf.constant([[5, 5, 1, 1, 5, 2]]), [6])))
    print(sess.run(tf.nn.ctc_unique_labels(tf.constant([[5, 5, 1, 1, 5, 2]], tf.int64))))
