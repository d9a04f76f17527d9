# Duplicated fetches are computed once; stateful ops run once per run call.
v = tf.Variable(0, name='v')
inc = tf.assign_add(v, 1)
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run([inc, inc, {'again': inc}]))
    print(repr(sess.run(v)))
    print(sess.run([inc.op, inc.op]), repr(sess.run(v)))
    r = tf.random_uniform([], seed=3)
    x, y = sess.run([r, r])
    print(x == y)
