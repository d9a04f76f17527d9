# Invalid fetches (2.21 error texts).
a = tf.constant(1.0, name='a')
with tf.Session() as sess:
    show_error(sess.run, None)
    show_error(sess.run, [a, None])
    show_error(sess.run, 1.0)
    show_error(sess.run, 'nope:0')
    show_error(sess.run, 'a:1')
    show_error(sess.run, 'nope')
    show_error(sess.run, {'k': 3})
    show_error(sess.run, object)
g = tf.Graph()
with g.as_default():
    other = tf.constant(2.0)
with tf.Session() as sess:
    show_error(sess.run, other)
with tf.Session(graph=g) as sess:
    print(repr(sess.run(other)))
    show_error(sess.run, a)
