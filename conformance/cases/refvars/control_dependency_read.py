# A read of a variable ordered after its update by a control dependency sees the update: the
# snapshot x/read aliases the variable's buffer, read when its consumer runs (issue 14 ex. 1).
x = tf.Variable(0.0, name='x')
inc = tf.assign_add(x, 1.0)
with tf.control_dependencies([inc]):
    y = x + 100.0
    w = tf.identity(x) * 2.0
    r = x.read_value()
with tf.Session() as sess:
    sess.run(x.initializer)
    print([float(sess.run(y)) for _ in range(3)])
    print(float(sess.run(w)), float(sess.run(r)), float(sess.run(x)))
