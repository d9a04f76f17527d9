# tf.group of updates, then reads ordered after the group.
a = tf.Variable(1.0, name='a')
b = tf.Variable([1.0, 2.0], name='b')
step = tf.group(tf.assign_add(a, 1.0), tf.assign(b, b * 3.0), name='step')
with tf.control_dependencies([step]):
    total = a + tf.reduce_sum(b)
    both = tf.stack([a, b[0]])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(float(sess.run(total)))
    print(sess.run(both))
    print(float(sess.run(a)), sess.run(b))
