# Size-0 operators and size-0 batches: shapes and values of their methods.
L = tf.linalg
ops = [L.LinearOperatorDiag(np.zeros([0], np.float32)),
       L.LinearOperatorFullMatrix(np.zeros([0, 0], np.float32)),
       L.LinearOperatorIdentity(0),
       L.LinearOperatorFullMatrix(np.zeros([0, 2, 2], np.float32)),
       L.LinearOperatorDiag(np.zeros([0, 3], np.float32)),
       L.LinearOperatorFullMatrix(np.zeros([2, 0], np.float32))]
for op in ops:
    print(type(op).__name__, op.shape, op.batch_shape, op.is_square)
ts = []
for op in ops:
    rows, cols = op.range_dimension.value, op.domain_dimension.value
    batch = op.batch_shape.as_list()
    ts += [op.to_dense(), op.matmul(tf.zeros(batch + [cols, 1])), op.shape_tensor()]
    if rows == cols:
        ts += [op.determinant(), op.log_abs_determinant(), op.trace(), op.diag_part(),
               op.solve(tf.zeros(batch + [cols, 1]))]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.asarray(val).shape, np.asarray(val).tolist())
