# Session.run positional/keyword arguments and make_callable.
p = tf.placeholder(tf.float32, [], name='p')
y = p * 3.0
with tf.Session() as sess:
    print(repr(sess.run(y, {p: 1.0})), repr(sess.run(fetches=y, feed_dict={p: 2.0})))
    print(repr(sess.run(y, feed_dict={p: 2.0}, options=None, run_metadata=None)))
    f = sess.make_callable(y, [p])
    print(repr(f(4.0)))
    g = sess.make_callable([y, y * 2], feed_list=[p])
    print(g(1.0))
