# The default seed gradient is ones shaped like y (dynamic for unknown shapes) in y's dtype.
p = tf.placeholder(tf.float64, [None, 2], name='p')
y = p * 3.0
g = tf.gradients(y, p)
print(g)
seed = tf.get_default_graph().get_tensor_by_name('gradients/grad_ys_0:0')
print(seed, seed.op.type)
with tf.Session() as sess:
    print(repr(sess.run(g, {p: [[1.0, 2.0]]})), repr(sess.run(seed, {p: np.zeros((3, 2))})))
