# The graphs tf.gradients builds to undo broadcasting in binary ops, for inputs of known,
# partly known and unknown shape (static reduction indices where the shapes decide, else
# BroadcastGradientArgs), and the gradients' values, including a [None, 4] input fed one row
# against three rows (broadcast at run time).
SHAPES = {"n4": [None, 4], "34": [3, 4], "14": [1, 4], "n1": [None, 1], "u": None, "s": [],
          "4": [4], "nn": [None, None]}
VALUES = {"n4": np.ones((1, 4)), "34": np.arange(12.0).reshape(3, 4) + 1, "14": np.ones((1, 4)),
          "n1": np.full((3, 1), 2.0), "u": np.full((3, 4), 3.0), "s": np.float64(2.0),
          "4": np.arange(4.0) + 1, "nn": np.full((3, 4), 0.5)}
OPS = ["multiply", "add", "subtract", "truediv", "maximum", "pow", "math.squared_difference",
       "math.atan2", "math.xlogy", "math.xdivy", "math.xlog1py", "math.divide_no_nan"]
PAIRS = [(a, b) for a in SHAPES for b in SHAPES if {a, b} != {"14", "4"}]
for name in OPS:
    pairs = PAIRS if name in ("multiply", "add", "truediv") else PAIRS[::5]
    for ka, kb in pairs:
        g = tf.Graph()
        with g.as_default():
            a = tf.placeholder(tf.float32, SHAPES[ka], name="a")
            b = tf.placeholder(tf.float32, SHAPES[kb], name="b")
            fn = getattr(tf.math, name.split(".")[-1])
            grads = tf.gradients(fn(a, b), [a, b])
            ops_ = [f"{op.type}:{op.name[op.name.index('/') + 1:]}"
                    f"<{','.join(t.name.split('/')[-1] for t in op.inputs)}>"
                    for op in g.get_operations() if op.name.startswith("gradients/")
                    and not op.name.startswith(("gradients/grad_ys", "gradients/Shape"))]
            feed = {a: np.asarray(VALUES[ka], np.float32), b: np.asarray(VALUES[kb], np.float32)}
            try:
                with tf.Session() as sess:
                    values = sess.run(grads, feed)
                shown = [np.round(v.astype(np.float64), 3).reshape(-1).tolist()[:6] for v in values]
                shapes = [v.shape for v in values]
            except tf.errors.InvalidArgumentError as e:
                shown, shapes = type(e).__name__, None
        print(name, ka, kb, [str(t.shape) for t in grads], shapes)
        print("  ", " ".join(ops_))
        print("  ", shown)
with tf.Graph().as_default():
    a = tf.placeholder(tf.float32, [None, 4])
    b = tf.placeholder(tf.float32, [None, 4])
    grads = tf.gradients(tf.reduce_sum(a * b + a - b), [a, b])
    with tf.Session() as sess:
        ga, gb = sess.run(grads, {a: np.ones((1, 4), np.float32),
                                  b: np.arange(12, dtype=np.float32).reshape(3, 4)})
    print("run-time broadcast", ga.shape, ga.tolist(), gb.shape, gb[0].tolist())
