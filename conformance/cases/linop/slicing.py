# Batch slicing of operators: operator[...] slices batch dims of every batch-carrying
# argument (broadcast ones stay whole).
L = tf.linalg
diag = L.LinearOperatorDiag(np.arange(12.0).reshape(4, 3) + 1)
full = L.LinearOperatorFullMatrix(np.arange(18.0).reshape(2, 3, 3))
ident = L.LinearOperatorIdentity(3, batch_shape=[4])
comp = L.LinearOperatorComposition([diag, L.LinearOperatorFullMatrix(np.ones((1, 3, 3)))])
kron = L.LinearOperatorKronecker([L.LinearOperatorFullMatrix(np.ones((1, 2, 2))),
                                  L.LinearOperatorDiag(np.arange(10.0).reshape(5, 2))])
pieces = [diag[1:3], diag[0], diag[..., ::2], full[1], ident[1:], comp[2:], comp[-1],
          kron[1:3], kron[0]]
for p in pieces:
    print(type(p).__name__, p.name, p.shape, p.dtype)
with tf.Session() as sess:
    for val in sess.run([p.to_dense() for p in pieces]):
        print(np.array2string(val, precision=3))
