# A variable's read stays when its consumer is skipped or only a control edge consumes it:
# an uninitialized variable fails as in TF.
v = tf.Variable(1.0, name="v")
with tf.control_dependencies([v.read_value() * 2.0]):
    y = tf.constant(3.0) + 1.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y), "uninitialized value v")
    sess.run(v.initializer)
    print(sess.run(y))

tf.reset_default_graph()
v = tf.Variable(1.0, name="v")
with tf.control_dependencies([v.value() * 2.0]):
    y = tf.constant(3.0) + 1.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y), "uninitialized value v")

tf.reset_default_graph()
v = tf.Variable(1.0, name="v")
with tf.control_dependencies([tf.identity(tf.identity(v))]):
    y = tf.constant(3.0) + 1.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y), "uninitialized value v")

# A control dependency on the variable op itself reads nothing.
tf.reset_default_graph()
v = tf.Variable(1.0, name="v")
with tf.control_dependencies([v.op]):
    y = tf.constant(3.0) + 1.0
with tf.Session() as sess:
    show_error(sess.run, y)
