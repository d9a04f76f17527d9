# RaggedTensor indexing, operators and dense/sparse conversions.
sess = tf.Session()
c2 = tf.ragged.constant([[[1, 2], [3]], [[4]], []])
for key in [0, -1, 1, slice(1, None), slice(None, 2), slice(-2, None), slice(None, -1),
            (slice(None), slice(-1, None)), (slice(None), slice(None, 1)),
            (0, 1), (slice(None), slice(None), slice(0, 1)), (slice(1, 3), slice(0, 5)),
            (1, 0), (slice(None), slice(1, None))]:
    print(key, sess.run(c2[key]))
show_error(lambda: c2[:, 0])
show_error(lambda: c2[:, :, 0])
d = tf.RaggedTensor.from_row_splits([[1, 2], [3, 4], [5, 6]], [0, 1, 3])
print(sess.run(d[:, :, 1]), sess.run(d[1]), sess.run(d[1, 0]))
c = tf.ragged.constant([[1., 2.], [3.]])
for name, r in [("add", c + c), ("add_scalar", c + 1), ("radd", 2 + c), ("sub", 1 - c),
                ("mul", c * c), ("div", c / 2), ("floordiv", c // 2), ("mod", c % 2),
                ("pow", c ** 2), ("neg", -c), ("abs", abs(-c)), ("gt", c > 1.5),
                ("le", c <= 2), ("and", (c > 1) & (c < 3)), ("or", (c > 2) | (c < 2)),
                ("invert", ~(c > 1))]:
    print(name, r.shape, r.dtype, sess.run(r))
print(c + c)
pa = tf.ragged.placeholder(tf.float32, 1, [])
pb = tf.ragged.placeholder(tf.float32, 1, [])
print(sess.run(pa * pb, {pa: tf.ragged.constant_value([[1., 2.], [3.]]),
                         pb: tf.ragged.constant_value([[4., 5.], [6.]])}))
show_error(lambda: sess.run(pa + pb, {pa: tf.ragged.constant_value([[1., 2.], [3.]]),
                                      pb: tf.ragged.constant_value([[1.], [3., 4.]])}))
print(sess.run(c.to_tensor()), sess.run(c.to_tensor(default_value=-1.)))
print(c.to_tensor(), c2.to_tensor())
print(sess.run(c2.to_tensor()), sess.run(c2.to_tensor(shape=[2, 1, 3])))
print(sess.run(d.to_tensor()))
st = c2.to_sparse()
print(st, sess.run(st))
print(sess.run(d.to_sparse()))
print(sess.run(tf.RaggedTensor.from_tensor([[1, 0], [2, 3]], padding=0)))
print(sess.run(tf.RaggedTensor.from_tensor([[1, 0], [2, 3]])))
print(sess.run(tf.RaggedTensor.from_tensor([[1, 0], [2, 3]], lengths=[1, 0])))
print(sess.run(tf.RaggedTensor.from_tensor([[[1, 1], [0, 0]], [[2, 2], [0, 1]]],
                                           padding=[0, 0])))
print(tf.RaggedTensor.from_tensor([[1, 0], [2, 3]]).shape)
print(sess.run(tf.RaggedTensor.from_sparse(tf.SparseTensor([[0, 0], [2, 0], [2, 1]],
                                                           [5, 6, 7], [3, 4]))))
show_error(lambda: sess.run(tf.RaggedTensor.from_sparse(
    tf.SparseTensor([[0, 0], [2, 1]], [5, 6], [3, 4]))))
