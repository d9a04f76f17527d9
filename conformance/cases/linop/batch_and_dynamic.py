# Batch shapes broadcast between operators and arguments; operators over placeholders with
# unknown dimensions (static shapes, then values with feeds).
L = tf.linalg
rng = np.random.RandomState(0)
a = (rng.randn(2, 1, 3, 3) + 4 * np.eye(3)).astype(np.float32)
x = rng.randn(4, 3, 2).astype(np.float32)
full = L.LinearOperatorFullMatrix(a)
diag = L.LinearOperatorDiag(rng.rand(5, 3).astype(np.float32) + 1)
comp = L.LinearOperatorComposition([full, diag])
ts = [full.matmul(x), full.solve(x), diag.matmul(x[0]), comp.to_dense(), comp.determinant(),
      comp.batch_shape_tensor(), L.LinearOperatorIdentity(3, batch_shape=[2]).matmul(x[:2])]
print(comp.batch_shape, comp.shape)
for t in ts:
    print(t.dtype.name, t.shape)
m = tf.placeholder(tf.float32, [None, None, 3])
d = tf.placeholder(tf.float32, [None])
dyn = L.LinearOperatorFullMatrix(m)
dyn_diag = L.LinearOperatorDiag(d)
print(dyn.shape, dyn.batch_shape, dyn.domain_dimension, dyn.range_dimension, dyn.tensor_rank)
print(dyn_diag.shape, dyn_diag.domain_dimension)
dts = [dyn.shape_tensor(), dyn.batch_shape_tensor(), dyn.range_dimension_tensor(),
       dyn.matmul(tf.ones([3, 1])), dyn_diag.to_dense(), dyn_diag.shape_tensor(),
       dyn_diag.solve(tf.ones([2, 1]))]
for t in dts:
    print(t.dtype.name, t.shape)
feed = {m: np.arange(18, dtype=np.float32).reshape(2, 3, 3), d: [2.0, 4.0]}
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=4, suppress_small=True))
    for val in sess.run(dts, feed):
        print(np.array2string(np.asarray(val), precision=4, suppress_small=True))
