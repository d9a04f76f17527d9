# validate_shape=False, explicit shapes from the initial value, and Variable dtype conversion.
p = tf.placeholder(tf.float32, [None])
v = tf.Variable(tf.zeros([3]), validate_shape=False, name='loose')
w = tf.Variable(tf.ones([2, 2]), name='fixed')
print(v.shape, w.shape)
show_error(tf.Variable, p)
print(tf.Variable(p, validate_shape=False).shape)
with tf.Session() as sess:
    sess.run([v.initializer, w.initializer])
    print(repr(sess.run(tf.assign(v, [1.0, 2.0], validate_shape=False))))
    print(repr(sess.run(v)))
