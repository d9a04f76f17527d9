# One run fetching an update and a read ordered after it; and a fetched variable, which shows
# its value at the end of the run.
v = tf.Variable(10.0, name='v')
inc = tf.assign_add(v, 5.0)
with tf.control_dependencies([inc]):
    after = v * 1.0
with tf.Session() as sess:
    sess.run(v.initializer)
    print([float(t) for t in sess.run([inc, after])])
    print([float(t) for t in sess.run([after, v])])
    print([float(t) for t in sess.run([v, after])])
    c = tf.Variable(0, name='c')
    sess.run(c.initializer)
    step = tf.assign_add(c, 1)
    with tf.control_dependencies([step]):
        doubled = tf.assign(c, c * 2)
    print([int(t) for t in sess.run([doubled, c])])
    print(int(sess.run(c)))
