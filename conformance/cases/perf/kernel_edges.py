# Gradient kernels rewritten for speed keep TF's values at the edges: ReluGrad and MaxPoolGrad
# with NaN, -0.0 and infinite gradients and tied window maxima; BiasAddGrad sums; a session
# capped to one intra-op thread computes what the default one does.
def bits(a):
    a = np.asarray(a)
    return [("nan" if np.isnan(v) else ("-0" if v == 0 and np.signbit(v) else float(v)))
            for v in a.reshape(-1)]


features = tf.constant([[-1.0, 0.0, 2.0, -3.0, 4.0, -0.0]])
upstream = tf.constant([[np.nan, -1.0, np.nan, -0.0, -0.0, np.inf]])
relu_grad = tf.gradients(tf.nn.relu(features), features, upstream)[0]
print(relu_grad.op.type, relu_grad.op.inputs[0].op.type if relu_grad.op.inputs else "")
features6 = tf.constant([[-1.0, 0.0, 2.0, 6.0, 7.0, -0.0, 5.5]])
upstream6 = tf.constant([[np.nan, -1.0, np.nan, -2.0, np.inf, -0.0, -0.0]])
relu6_grad = tf.gradients(tf.nn.relu6(features6), features6, upstream6)[0]
print(relu6_grad.op.type)

x = tf.constant(np.array([[1, 1, 2, 0], [1, 0, 2, 2], [0, 0, -1, -1], [0, 0, -1, -1]],
                         np.float32).reshape(1, 4, 4, 1))
pooled = tf.nn.max_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
dpool = tf.constant(np.array([-0.0, 3.0, -2.0, np.inf], np.float32).reshape(1, 2, 2, 1))
pool_grad = tf.gradients(pooled, x, dpool)[0]
print(pool_grad.op.type)

g = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 0.1)
b = tf.Variable(tf.zeros([4]))
bias_grad = tf.gradients(tf.nn.bias_add(g, b), b, g)[0]
print(bias_grad.op.type)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    r, r6, p, bg = sess.run([relu_grad, relu6_grad, pool_grad, bias_grad])
print(bits(r))
print(bits(r6))
print(bits(p))
print(np.round(bg, 4).tolist())

w = tf.constant(np.linspace(-1, 1, 24, dtype=np.float32).reshape(4, 6))
h = tf.tanh(tf.matmul(tf.constant(np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4)), w))
loss = tf.reduce_sum(h * h)
grad_w = tf.gradients(loss, w)[0]
config = tf.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1)
with tf.Session(config=config) as one, tf.Session() as default:
    a, b_ = one.run([loss, grad_w]), default.run([loss, grad_w])
print(round(float(a[0]), 4), np.round(a[1], 4).tolist())
print(bool(np.allclose(a[1], b_[1], rtol=1e-6)), a[1].dtype)
