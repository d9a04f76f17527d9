# Large element-wise ops and their fused gradients (TanhGrad, SigmoidGrad, SqrtGrad...) give the
# same values in a session capped to one intra-op thread as in the default one, element by
# element; op types of the gradients; edge values (NaN, inf, -0.0) in a large tensor.
rng = np.random.RandomState(7)
xs = (rng.randn(768, 1024) * 2).astype(np.float32)
xs[0, :6] = [np.nan, np.inf, -np.inf, -0.0, 0.0, 40.0]
bias = rng.randn(1024).astype(np.float32)

x = tf.placeholder(tf.float32, [768, 1024])
h = tf.tanh(x)
s = tf.sigmoid(h * 3.0 + bias)
e = tf.exp(s) - tf.sqrt(tf.abs(x) + 1.0) + tf.math.rsqrt(s + 0.5) + tf.math.reciprocal(s + 1.0)
grads = tf.gradients(e, x)[0]
ops_seen = sorted({op.type for op in tf.get_default_graph().get_operations()
                   if op.type.endswith("Grad")})
print(ops_seen)

config = tf.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1)
with tf.Session(config=config) as one, tf.Session() as default:
    a = one.run([h, s, e, grads], {x: xs})
    b = default.run([h, s, e, grads], {x: xs})
for name, u, v in zip(["tanh", "sigmoid", "sum", "grad"], a, b):
    same = bool(np.array_equal(u, v, equal_nan=True))
    print(name, u.dtype, u.shape, same, int(np.isnan(u).sum()))
    print(np.round(u[0, :8].astype(np.float64), 4).tolist())
    print(np.round(u[383, 500:504].astype(np.float64), 4).tolist())
