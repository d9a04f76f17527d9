# Feeding or fetching a tensor of another graph.
ph = tf.placeholder(tf.float32, [], name='ph')
g2 = tf.Graph()
with g2.as_default():
    q = tf.placeholder(tf.float32, [], name='q')
    qop = tf.no_op(name='qop')
with tf.Session() as sess:
    show_error(sess.run, ph, {q: 1.0})
    show_error(sess.run, q)
    show_error(sess.run, qop)
    show_error(sess.run, ph * 2.0, {'q:0': 1.0})
