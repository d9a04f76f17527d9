# Ftrl (all options), ProximalGradientDescent, ProximalAdagrad, AdagradDA: slot names, op
# types and names, and trajectories over several steps.
def build(make_opt, name):
    with tf.variable_scope(name):
        w = tf.Variable([[0.5, -1.0], [2.0, 0.1]], name="w")
        b = tf.Variable([0.3, -0.2], name="b")
    x = tf.constant([[1.0, -2.0], [0.5, 3.0], [-1.0, 1.0]])
    y = tf.constant([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    gs = tf.Variable(0, dtype=tf.int64, name=name + "_step", trainable=False)
    opt = make_opt(gs)
    train = opt.minimize(loss, global_step=gs, var_list=[w, b])
    return opt, train, [w, b], loss


cases = [
    ("ftrl", lambda gs: tf.train.FtrlOptimizer(0.5)),
    ("ftrl_l1l2", lambda gs: tf.train.FtrlOptimizer(
        0.3, learning_rate_power=-0.7, initial_accumulator_value=0.2,
        l1_regularization_strength=0.05, l2_regularization_strength=0.1)),
    ("ftrl_shrink", lambda gs: tf.train.FtrlOptimizer(
        0.3, l1_regularization_strength=0.01, l2_shrinkage_regularization_strength=0.2,
        beta=0.5, accum_name="acc", linear_name="lin")),
    ("ftrl_power0", lambda gs: tf.train.FtrlOptimizer(0.1, learning_rate_power=0.0,
                                                       initial_accumulator_value=0.0)),
    ("pgd", lambda gs: tf.train.ProximalGradientDescentOptimizer(0.1)),
    ("pgd_l1l2", lambda gs: tf.train.ProximalGradientDescentOptimizer(
        0.1, l1_regularization_strength=0.2, l2_regularization_strength=0.3)),
    ("padagrad", lambda gs: tf.train.ProximalAdagradOptimizer(0.2)),
    ("padagrad_l1l2", lambda gs: tf.train.ProximalAdagradOptimizer(
        0.2, initial_accumulator_value=0.5, l1_regularization_strength=0.1,
        l2_regularization_strength=0.05)),
    ("adagrad_da", lambda gs: tf.train.AdagradDAOptimizer(0.3, gs)),
    ("adagrad_da_l1l2", lambda gs: tf.train.AdagradDAOptimizer(
        0.3, gs, initial_gradient_squared_accumulator_value=0.2,
        l1_regularization_strength=0.01, l2_regularization_strength=0.02)),
]
built = []
for name, make in cases:
    n0 = len(tf.get_default_graph().get_operations())
    opt, train, vs, loss = build(make, name)
    ops = tf.get_default_graph().get_operations()[n0:]
    print(name, opt.get_name(), opt.get_slot_names(), train.name, train.type)
    print(" ", [v.name for v in opt.variables()])
    print(" ", sorted({op.type for op in ops if op.type.startswith("Apply")}),
          [op.name for op in ops if op.type.startswith("Apply")])
    print(" ", [op.name for op in ops if op.name.startswith(opt.get_name() + "/")
                and "update_" not in op.name])
    built.append((name, train, vs, loss))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for name, train, vs, loss in built:
        for _ in range(4):
            sess.run(train)
        values = [np.round(v, 5).tolist() for v in sess.run(vs)]
        print(name, values, round(float(sess.run(loss)), 5))
show_error(tf.train.FtrlOptimizer, 0.1, learning_rate_power=0.5)
show_error(tf.train.FtrlOptimizer, 0.1, initial_accumulator_value=-1.0)
show_error(tf.train.FtrlOptimizer, 0.1, l1_regularization_strength=-1.0)
show_error(tf.train.FtrlOptimizer, 0.1, l2_regularization_strength=-1.0)
show_error(tf.train.FtrlOptimizer, 0.1, l2_shrinkage_regularization_strength=-1.0)
show_error(tf.train.ProximalAdagradOptimizer, 0.1, initial_accumulator_value=0.0)
show_error(tf.train.AdagradDAOptimizer, 0.1, None, initial_gradient_squared_accumulator_value=0.0)
