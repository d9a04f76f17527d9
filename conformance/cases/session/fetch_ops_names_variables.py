# Fetching Operations gives None; strings name tensors ('a:0') or operations ('a').
a = tf.constant(1.5, name='a')
v = tf.Variable(2.0, name='v')
n = tf.no_op(name='n')
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(n)), repr(sess.run(v.initializer)), repr(sess.run('a:0')),
          repr(sess.run('a')), repr(sess.run(v)), repr(sess.run('v:0')))
    print(sess.run([a, n, 'a:0', v, v.op]))
    print(sess.run({'op': n, 'value': 'v/read:0'}))
    print(repr(sess.run(a.op)), repr(sess.run([a, a, a])))
