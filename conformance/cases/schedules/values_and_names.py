# Learning-rate schedules: result tensors, op names and types, values at steps 0..11.
gs = tf.train.get_or_create_global_step()
step_in = tf.placeholder(tf.int64, [])
set_step = tf.assign(gs, step_in)
lrs = [
    tf.train.exponential_decay(0.1, gs, 3, 0.5),
    tf.train.exponential_decay(0.1, gs, 3, 0.5, staircase=True),
    tf.train.piecewise_constant(gs, [2, 4], [1.0, 0.5, 0.1]),
    tf.train.piecewise_constant_decay(gs, [3], [0.3, 0.2], name="pc"),
    tf.train.polynomial_decay(0.1, gs, 5, 0.01, power=2.0, cycle=True),
    tf.train.polynomial_decay(0.1, gs, 5),
    tf.train.natural_exp_decay(0.1, gs, 3, 0.5),
    tf.train.natural_exp_decay(0.1, gs, 3, 0.5, staircase=True),
    tf.train.inverse_time_decay(0.1, gs, 3, 0.5),
    tf.train.inverse_time_decay(0.1, gs, 3, 0.5, staircase=True),
    tf.train.cosine_decay(0.1, gs, 5, alpha=0.1),
    tf.train.cosine_decay_restarts(0.1, gs, 3),
    tf.train.cosine_decay_restarts(0.1, gs, 2, t_mul=1.0, m_mul=0.5, alpha=0.1),
    tf.train.linear_cosine_decay(0.1, gs, 5),
    tf.train.linear_cosine_decay(0.1, gs, 8, num_periods=2.0, alpha=0.1, beta=0.01),
    tf.train.exponential_decay(tf.constant(0.5, tf.float64), gs, 2, 0.9, name="f64"),
]
for t in lrs:
    print(t.name, t.dtype, t.shape, t.op.type)
names = [(op.name, op.type) for op in tf.get_default_graph().get_operations()
         if op.name.split("/")[0] in ("ExponentialDecay", "PolynomialDecay_1",
                                      "InverseTimeDecay_1", "CosineDecay", "LinearCosineDecay",
                                      "SGDRDecay")
         and "/cond/" not in op.name]
print(names)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(12):
        sess.run(set_step, {step_in: step})
        print(step, np.round(sess.run(lrs), 6).tolist())
show_error(tf.train.exponential_decay, 0.1, None, 3, 0.5)
show_error(tf.train.cosine_decay, 0.1, None, 3)
show_error(tf.train.piecewise_constant, gs, [1, 2], [1.0, 2.0])
show_error(tf.train.piecewise_constant, gs, [1], [1.0, 2])
