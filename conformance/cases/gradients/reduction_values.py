# Gradients of reductions: sum, mean, max (ties split), min, prod, with axes and keepdims.
x = tf.constant([[1.0, 3.0, 3.0], [2.0, -1.0, 4.0]], name='x')
ys = [tf.reduce_sum(x), tf.reduce_sum(x, 0), tf.reduce_mean(x), tf.reduce_mean(x, 1, keepdims=True),
      tf.reduce_max(x), tf.reduce_max(x, 1), tf.reduce_min(x, 0), tf.reduce_prod(x),
      tf.reduce_prod(x, 1), tf.reduce_logsumexp(x, 1)]
with tf.Session() as sess:
    for y in ys:
        print(y.op.type, repr(sess.run(tf.gradients(y, x)[0])))
