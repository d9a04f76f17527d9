# noisy_linear_cosine_decay under a graph seed: op names and seeded values over steps.
tf.set_random_seed(7)
gs = tf.train.get_or_create_global_step()
lr = tf.train.noisy_linear_cosine_decay(0.1, gs, 10)
print(lr)
print([(op.name, op.type) for op in tf.get_default_graph().get_operations()
       if op.name.startswith("NoisyLinearCosineDecay")])
inc = tf.assign_add(gs, 1)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out = []
    for _ in range(6):
        out.append(round(float(sess.run(lr)), 5))
        sess.run(inc)
    print(out)
