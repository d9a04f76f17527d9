# Gradients through sparse ops (w.r.t. values and dense operands).
v = tf.constant([1., 2.], tf.float64)
b = tf.constant([[1., 2.], [3., 4.], [5., 6.]], tf.float64)
a = tf.SparseTensor([[0, 1], [1, 2]], v, [2, 3])
m = tf.sparse.sparse_dense_matmul(a, b)
r = tf.sparse.reduce_sum(a, 1)
d = tf.sparse.to_dense(tf.sparse.reorder(tf.SparseTensor([[1, 0], [0, 1]], v, [2, 2])))
s = tf.sparse.add(a, a)
dense_add = tf.sparse.add(a, tf.ones([2, 3], tf.float64))
fill, _ = tf.sparse.fill_empty_rows(tf.SparseTensor([[0, 1], [2, 2]], v, [3, 3]),
                                    tf.constant(9., tf.float64))
with tf.Session() as sess:
    print(sess.run(tf.gradients(tf.reduce_sum(m * m), [v, b])))
    print(sess.run(tf.gradients(tf.reduce_sum(r * tf.constant([3., 5.], tf.float64)), v)))
    print(sess.run(tf.gradients(tf.reduce_sum(d * tf.constant([[1., 2.], [3., 4.]],
                                                               tf.float64)), v)))
    print(sess.run(tf.gradients(tf.reduce_sum(s.values * tf.constant([1., 3.], tf.float64)),
                                v)))
    print(sess.run(tf.gradients(tf.reduce_sum(dense_add * dense_add), v)))
    print(sess.run(tf.gradients(tf.reduce_sum(fill.values * tf.constant([1., 2., 3.],
                                                                        tf.float64)), v)))
