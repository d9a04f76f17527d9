# placeholder_with_default returns the default unless fed; shape may be looser than the default.
d = tf.placeholder_with_default([1.0, 2.0], shape=[None])
e = tf.placeholder_with_default(tf.constant(5), shape=[], name='e')
print(d, e)
with tf.Session() as sess:
    print(repr(sess.run(d)), repr(sess.run(d, {d: [7.0, 8.0, 9.0]})))
    print(repr(sess.run(e)), repr(sess.run(e * 2, {e: 10})))
    show_error(sess.run, d, {d: [[1.0]]})
show_error_contains(lambda: tf.placeholder_with_default([1.0, 2.0], shape=[3]),
                    'Dimension 0 in both shapes must be equal, but are 2 and 3')
