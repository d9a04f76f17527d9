# Explicit initializers with get_variable (seeded where random).
inits = [tf.zeros_initializer(), tf.ones_initializer(), tf.constant_initializer(2.5),
         tf.constant_initializer([1, 2, 3, 4, 5, 6]), tf.random_normal_initializer(seed=1),
         tf.truncated_normal_initializer(stddev=0.1, seed=2),
         tf.random_uniform_initializer(-1.0, 1.0, seed=3), tf.glorot_uniform_initializer(seed=4),
         tf.glorot_normal_initializer(seed=5), tf.variance_scaling_initializer(seed=6)]
vs = [tf.get_variable(f'v{k}', shape=[2, 3], initializer=init) for k, init in enumerate(inits)]
vs.append(tf.get_variable('t', initializer=tf.constant([1, 2])))
vs.append(tf.get_variable('n', initializer=np.array([1.5, 2.5])))
vs.append(tf.get_variable('i', shape=[2], dtype=tf.int32, initializer=tf.ones_initializer()))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in vs:
        print(repr(v), repr(sess.run(v)))
show_error(tf.get_variable, 'bad', shape=[2], initializer=tf.constant([1.0, 2.0]))
