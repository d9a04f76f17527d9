# tf.random.Generator.binomial (StatefulRandomBinomial): samples and state advances.
# (TF drops the state update of the op's first run right after initialization; a normal draw
# runs first here so both sides agree.)
gen = tf.random.Generator.from_seed(1)
warm = gen.normal([1])
draws = [gen.binomial([3], counts=[10., 20., 30.], probs=0.5),
         gen.binomial([5], counts=4., probs=0.3),
         gen.binomial([2, 2], counts=[50., 7.], probs=[0.2, 0.9], dtype=tf.float64),
         gen.binomial([6, 3], counts=[3., 300., 40.],
                      probs=[0.7, 0.01, 0.55], dtype=tf.int64)]
for t in draws:
    print(t.op.type, t.op.name, t.dtype.name, t.shape)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(warm)
    print(sess.run(gen.state).tolist())
    for t in draws + draws[1:2]:
        print(sess.run(t).tolist(), sess.run(gen.state).tolist())
