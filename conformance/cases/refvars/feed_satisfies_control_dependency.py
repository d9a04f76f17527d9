# A control dependency on a placeholder is satisfied by feeding it (tf.metrics.mean relies on
# this): the placeholder op itself does not run.
p = tf.placeholder(tf.float32, [None], name='p')
v = tf.Variable(0.0, name='v')
with tf.control_dependencies([p]):
    inc = tf.assign_add(v, 1.0)
with tf.Session() as sess:
    sess.run(v.initializer)
    print(float(sess.run(inc, {p: [1.0]})), float(sess.run(v)))
    show_error_contains(lambda: sess.run(inc), 'You must feed a value for placeholder tensor')
