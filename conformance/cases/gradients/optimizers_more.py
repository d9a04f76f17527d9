# Adagrad, RMSProp (plain and centered) and Adadelta: update ops, slots and three steps.
def run(make):
    tf.reset_default_graph()
    w = tf.Variable([1.0, -2.0], name='w', dtype=tf.float64)
    opt = make()
    train = opt.minimize(tf.reduce_sum(w * w * w + 3 * w))
    update = [op.name for op in tf.get_default_graph().get_operations()
              if op.type.startswith('Apply')]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train)
        print(opt.get_name(), update, [v.name for v in opt.variables()],
              np.round(sess.run(w), 8).tolist())


run(lambda: tf.train.AdagradOptimizer(0.3))
run(lambda: tf.train.RMSPropOptimizer(0.05, momentum=0.5, epsilon=1e-3))
run(lambda: tf.train.RMSPropOptimizer(0.05, momentum=0.5, epsilon=1e-3, centered=True))
run(lambda: tf.train.AdadeltaOptimizer(1.0, rho=0.9, epsilon=1e-3))
