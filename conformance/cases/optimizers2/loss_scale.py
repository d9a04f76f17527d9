# tf.train.experimental.MixedPrecisionLossScaleOptimizer: dynamic loss scale skipping
# non-finite steps and halving the scale, growing after increment_period; fixed scale.
x = tf.placeholder(tf.float32, [])
w = tf.Variable([1.0, -2.0], name="w")
loss = tf.reduce_sum(w * w) * x
gs = tf.train.get_or_create_global_step()
opt = tf.train.experimental.MixedPrecisionLossScaleOptimizer(
    tf.train.MomentumOptimizer(0.1, 0.5), tf.train.experimental.DynamicLossScale(
        initial_loss_scale=8.0, increment_period=2, multiplier=4.0))
train = opt.minimize(loss, global_step=gs)
print(type(opt).__name__, opt.get_name(), opt.get_slot_names())
print([v.name for v in tf.global_variables()])
scale_vars = [v for v in tf.global_variables() if v.op.name in ("current_loss_scale",
                                                                 "good_steps")]
with tf.Session() as s:
    s.run(tf.global_variables_initializer())
    for v in [1.0, np.inf, 1.0, 1.0, 1.0, np.nan, 2.0]:
        s.run(train, {x: v})
        print(np.round(s.run(w), 5).tolist(), s.run(gs), s.run(scale_vars))
tf.reset_default_graph()
w = tf.Variable([1.0, -2.0], name="w")
fixed = tf.train.experimental.MixedPrecisionLossScaleOptimizer(
    tf.train.GradientDescentOptimizer(0.1), 128.0)
gv = fixed.compute_gradients(tf.reduce_sum(w * w))
train = fixed.apply_gradients(gv)
with tf.Session() as s:
    s.run(tf.global_variables_initializer())
    print(s.run([g for g, _ in gv]))
    s.run(train)
    print(s.run(w))
show_error(tf.train.experimental.FixedLossScale, 0.5)
show_error(tf.train.experimental.FixedLossScale, "2")
show_error(tf.train.experimental.MixedPrecisionLossScaleOptimizer, 3, 2.0)
show_error(tf.train.experimental.MixedPrecisionLossScaleOptimizer,
           tf.train.GradientDescentOptimizer(0.1), "bogus")
