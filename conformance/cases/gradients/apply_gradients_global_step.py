# apply_gradients with a global_step returns the increment op; without it, a NoOp.
w = tf.Variable([1.0, -1.0], name='w')
u = tf.Variable(3.0, name='u')
loss = tf.reduce_sum(w * w) * 2.0
gs = tf.train.get_or_create_global_step()
opt = tf.train.GradientDescentOptimizer(0.25)
gv = opt.compute_gradients(loss)
print([(g, v.name) for g, v in gv])
step = opt.apply_gradients(gv, global_step=gs)
plain = opt.apply_gradients(gv)
print(repr(step), repr(plain))
print(sorted(op.name for op in tf.get_default_graph().get_operations()
             if op.name.startswith('GradientDescent')))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(repr(sess.run(step)), sess.run([w, u, gs]))
    print(repr(sess.run(plain)), sess.run([w, u, gs]))
    print(repr(sess.run(step)), sess.run([w, u, gs]))
