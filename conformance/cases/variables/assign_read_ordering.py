# A read after an assign needs a control dependency to see the new value deterministically.
v = tf.Variable(1.0, name='v')
inc = v.assign_add(1.0)
with tf.control_dependencies([inc]):
    after = v.read_value()
    plus = tf.identity(v) + 0.0
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(after)), repr(sess.run(after)), repr(sess.run(plus)))
    print(repr(sess.run(v)))
    print(repr(sess.run(inc)), repr(sess.run(v)))
