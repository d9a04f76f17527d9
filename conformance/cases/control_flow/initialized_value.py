# initialized_value is a cond on is_variable_initialized: the initial value before
# initialization, the variable's value afterwards.
a = tf.Variable(3.0, name='a')
iv = a.initialized_value()
print(iv, [(op.name, op.type) for op in tf.get_default_graph().get_operations()][4:])
b = tf.Variable(iv * 2, name='b')
with tf.Session() as sess:
    print(sess.run(iv))
    sess.run(tf.global_variables_initializer())
    print(sess.run([a, b]))
    sess.run(a.assign(10.0))
    print(sess.run(iv))
p = tf.placeholder(tf.bool, [])
x = tf.cond(p, lambda: tf.constant(1.0), lambda: tf.constant(2.0))
show_error(tf.Session().run, x.op.inputs[0], {p: True})
