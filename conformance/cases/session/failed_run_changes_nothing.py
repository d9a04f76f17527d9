# Invalid feeds are rejected before any op runs, so no variable changes.
v = tf.Variable(1.0, name='v')
inc = tf.assign_add(v, 1.0)
p = tf.placeholder(tf.float32, [2], name='p')
with tf.Session() as sess:
    sess.run(v.initializer)
    show_error(sess.run, [inc, p * 2], {p: [1.0, 2.0, 3.0]})
    print(repr(sess.run(v)))
    show_error(sess.run, [inc, None])
    print(repr(sess.run(v)))
    show_error(sess.run, [inc, 'nope:0'])
    print(repr(sess.run(v)))
