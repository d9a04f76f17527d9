# Bad input to tf.summary.scalar: run-time shape errors, None, unsupported dtypes.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
bad = tf.summary.scalar('bad2', tf.constant([1.0, 2.0]))
print(bad)
p = tf.placeholder(tf.float32)
fed = tf.summary.scalar('fed', p)
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(bad),
                        "tags and values are not the same shape: [] != [2] (tag 'bad2')")
    show_error_contains(lambda: sess.run(fed, {p: [[1.0]]}),
                        "tags and values are not the same shape: [] != [1,1] (tag 'fed')")
    print(sess.run(fed, {p: 3.0}))
show_error(tf.summary.scalar, 'n', None)
show_error(tf.summary.scalar, 'b', tf.constant(True))
show_error(tf.summary.scalar, 's', tf.constant('x'))
show_error_contains(lambda: tf.summary.histogram('h', None), 'None values not supported.')
