# Integer division by zero fails at run time; float division gives inf/nan.
a = tf.constant([1, 2])
z = tf.constant([0, 1])
f = tf.constant([1.0, 0.0, -1.0]) / tf.constant(0.0)
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(a // z), 'Integer division by zero')
    show_error_contains(lambda: sess.run(a % z), 'Integer division by zero')
    print(repr(sess.run(f)))
