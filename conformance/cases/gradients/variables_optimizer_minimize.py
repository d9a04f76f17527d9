# GradientDescentOptimizer.minimize: compute_gradients pairs, update op names and values.
w = tf.Variable([1.0, 2.0], name='w')
b = tf.Variable(0.5, name='b')
loss = tf.reduce_sum(w * w) + b * 3.0
opt = tf.train.GradientDescentOptimizer(0.1)
print(opt.get_name())
gv = opt.compute_gradients(loss)
print(type(gv).__name__, [(type(p).__name__, g, v) for p, (g, v) in zip(gv, gv)])
train = opt.apply_gradients(gv)
print(repr(train))
print(sorted(op.name for op in tf.get_default_graph().get_operations()
             if op.name.startswith('GradientDescent')))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        print(sess.run(train), sess.run([w, b]))
