# The graphs tf.gradients builds for Sum, Mean, Max and Prod: every op's type, name and inputs
# for inputs of known, partly known and unknown shape, constant, listed and fed axes, with and
# without keepdims; then the gradients' values on a fed input, and a second reduction of the
# same static shape and axes in one graph (TF reuses the reduced shape it computed first).
rng = np.random.RandomState(6)
xs = rng.randn(3, 4).astype(np.float32)
xs[1, 2] = xs[1, 0]  # a tie for max
for red in ("reduce_sum", "reduce_mean", "reduce_max", "reduce_prod"):
    for shape in ([None, 4], [3, 4], None):
        for axis in (None, 1, [0, 1], "fed"):
            for keep in (False, True):
                g = tf.Graph()
                with g.as_default():
                    p = tf.placeholder(tf.float32, shape, name="p")
                    ax = tf.placeholder(tf.int32, [1], name="ax") if axis == "fed" else axis
                    y = getattr(tf, red)(p, axis=ax, keepdims=keep)
                    grad = tf.gradients(y, p)[0]
                    ops_ = [f"{op.type}:{op.name[10:]}<{','.join(t.name[10:] for t in op.inputs)}>"
                            for op in g.get_operations() if op.name.startswith("gradients/")]
                    feed = {p: xs}
                    if axis == "fed":
                        feed[ax] = [1]
                    with tf.Session() as sess:
                        value = sess.run(grad, feed)
                print(red, shape, axis, keep, grad.shape, len(ops_))
                print("  ", " ".join(ops_))
                print("  ", np.round(value.astype(np.float64), 4).reshape(-1).tolist())
g = tf.Graph()
with g.as_default():
    p = tf.placeholder(tf.float32, [3, 4])
    total = tf.reduce_sum(p, axis=1) + tf.reduce_sum(p * 2.0, axis=1)
    tf.gradients(total, p)
    print(sorted(op.name for op in g.get_operations() if "Maximum" in op.name
                 or "floordiv" in op.name))
