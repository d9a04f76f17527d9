# Invalid feeds (2.21 error texts).
p = tf.placeholder(tf.float32, [None, 2], name='p')
q = tf.placeholder(tf.int32, [], name='q')
y = p * 2.0
with tf.Session() as sess:
    show_error(sess.run, y, {p: [1.0, 2.0]})
    show_error(sess.run, y, {p: None})
    show_error(sess.run, y, {1.0: 2.0})
    show_error(sess.run, y, {'nope:0': 2.0})
    show_error(sess.run, y, {p: 'text'})
    show_error(sess.run, q + 1, {q: [1, 2]})
    show_error(sess.run, y, {p: [[1.0, 2.0], [3.0]]})
    show_error_contains(
        lambda: sess.run(y),
        "You must feed a value for placeholder tensor 'p' with dtype float and shape [?,2]")
    show_error_contains(lambda: sess.run(q * 2),
                        "You must feed a value for placeholder tensor 'q' with dtype int32")
    show_error_contains(lambda: sess.run(y), 'Graph execution error')
