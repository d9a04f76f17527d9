# Dense optimizer updates over a few steps: float32/float64/float16 matrices, vectors and scalars,
# with special values in the gradient.
def run(make, dtype, shape, special=False):
    rng = np.random.RandomState(3)
    with tf.Graph().as_default():
        v = tf.Variable(rng.standard_normal(shape).astype(dtype))
        g_value = rng.standard_normal(shape).astype(dtype)
        if special and g_value.size >= 3:
            g_value.reshape(-1)[:3] = [np.inf, -0.0, 0.0]
        g = tf.constant(g_value)
        opt = make()
        train = opt.apply_gradients([(g, v)])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(3):
                sess.run(train)
            value = np.asarray(sess.run(v), np.float64)
            slots = sorted(opt.get_slot_names())
            slot_sums = [float(np.sum(np.asarray(sess.run(opt.get_slot(v, s)), np.float64)))
                         for s in slots]
            return value.reshape(-1)[:4].tolist(), slots, slot_sums


makers = [
    ("gd", lambda: tf.train.GradientDescentOptimizer(0.1)),
    ("momentum", lambda: tf.train.MomentumOptimizer(0.1, 0.9)),
    ("nesterov", lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True)),
    ("adam", lambda: tf.train.AdamOptimizer(0.01)),
    ("adagrad", lambda: tf.train.AdagradOptimizer(0.1)),
    ("rmsprop", lambda: tf.train.RMSPropOptimizer(0.01, momentum=0.5)),
]
for name, make in makers:
    for dtype, shape in [(np.float32, (6, 5)), (np.float64, (7,)), (np.float16, (3, 2)),
                         (np.float32, ())]:
        print(name, np.dtype(dtype).name, shape, run(make, dtype, shape))
    print(name, "special", run(make, np.float32, (4, 3), special=True))
