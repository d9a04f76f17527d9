# Nested control dependencies: identity(y) after inc_x and dbl_y sees y doubled (issue 14 ex. 2).
x = tf.Variable(1.0, name='x')
y = tf.Variable(20.0, name='y')
inc_x = tf.assign_add(x, 1.0)
dbl_y = tf.assign(y, y * 2)
with tf.control_dependencies([inc_x]):
    with tf.control_dependencies([dbl_y]):
        z = tf.identity(y)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(float(sess.run(z)), float(sess.run(z)), float(sess.run(x)), float(sess.run(y)))
