# The conv step's kernels on a batch large enough for several blocks of images: MaxPool and
# MaxPoolGrad of 2x2/2 windows where some images hold -0.0/0.0 ties, NaN, -inf or +inf (each
# block takes its own path; NaN leaves MaxPoolGrad's fast path for the whole batch), gradients
# that are -0.0, NaN or inf, and Relu/ReluGrad on the same batch.
rng = np.random.RandomState(0)
x = rng.randint(-3, 4, (24, 28, 28, 32)).astype(np.float32)  # many ties
x[3, :2, :2, 0] = [[-0.0, 0.0], [0.0, -0.0]]
x[5, 2:4, 2:4, 1] = np.inf
x[9, :2, :2, 2] = -np.inf
x[17, 4:6, 4:6, 3] = [[1.0, 3.0], [3.0, 2.0]]
dy = rng.randint(-2, 3, (24, 14, 14, 32)).astype(np.float32)
dy[dy == 0] = -0.0
dy[6, 0, 0, 0] = np.inf
dy[7, 1, 1, 1] = np.nan


def routed(g):
    nz = np.flatnonzero(g.reshape(-1))
    return int(nz.size), nz[:6].tolist(), nz[-3:].tolist()


def show(label, pooled, grad):
    print(label, "pool", pooled.shape, float(np.nansum(pooled.astype(np.float64))),
          int(np.isnan(pooled).sum()), int(np.signbit(pooled[pooled == 0]).sum()))
    finite = np.isfinite(grad)
    print(label, "grad", float(grad[finite].astype(np.float64).sum()), int((~finite).sum()),
          int(np.signbit(grad[grad == 0]).sum()), routed(grad))
    print(label, "images", [round(float(v), 1) for v in
                            np.nansum(np.where(finite, grad, 0), axis=(1, 2, 3))[:12]])


for case in ("plain", "nan"):
    xv = x.copy()
    if case == "nan":
        xv[20, 6, 6, 5] = np.nan
    xt = tf.constant(xv)
    pooled = tf.nn.max_pool(xt, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    grad = tf.gradients(pooled, xt, tf.constant(dy))[0]
    relu = tf.nn.relu(xt)
    relu_grad = tf.gradients(relu, xt, tf.ones_like(relu) * 2)[0]
    with tf.Session() as sess:
        p, g, r, rg = sess.run([pooled, grad, relu, relu_grad])
    show(case, p, g)
    print(case, "relu", float(np.nansum(r.astype(np.float64))), int(np.isnan(r).sum()),
          int((r > 0).sum()), float(rg.astype(np.float64).sum()), int((rg != 0).sum()))
