# Floor/Round give None; ArgMax/Equal outputs are non-float; Sign gives zeros; Bitcast/Unique raise.
x = tf.constant([1.5, -2.5, 3.0], name='x')
print(tf.gradients(tf.floor(x), x), tf.gradients(tf.round(x), x))
print(tf.gradients(tf.cast(tf.argmax(x), tf.float32), x))
print(tf.gradients(tf.cast(tf.equal(x, 1.5), tf.float32), x))
gs = tf.gradients(tf.sign(x), x)
print(gs)
print(tf.gradients(tf.floor(x) + x, x))
show_error(tf.gradients, tf.bitcast(x, tf.int32), x)
u, _ = tf.unique(x)
show_error(tf.gradients, u, x)
print(tf.gradients(tf.ceil(x), x))
with tf.Session() as sess:
    print(sess.run(gs))
