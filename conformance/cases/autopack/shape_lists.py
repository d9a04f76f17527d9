# Lists holding tensors are packed into one Pack op wherever a shape tensor is expected.
x = tf.placeholder(tf.float32, [None, 3], name="x")
y = tf.placeholder(tf.float32, [2, None], name="y")
n = tf.shape(x)[0]


def show(t):
    g = tf.get_default_graph()
    print(t.name, t.dtype.name, t.shape)
    ops = [op for op in g.get_operations() if op.name.startswith(t.op.name)]
    for op in ops:
        print("  ", op.name, op.type, [i.name for i in op.inputs])


show(tf.ones([n]))
show(tf.zeros([n, 3]))
show(tf.zeros([n, 3], dtype=tf.int64))
show(tf.fill([n, 2], 1.5))
show(tf.reshape(x, [-1, tf.shape(y)[1]]))
show(tf.reshape(x, [n, 3, 1]))
show(tf.tile(x, [1, n]))
show(tf.convert_to_tensor([n, 4]))
show(tf.convert_to_tensor([[n, 1], [2, n]]))
show(tf.random_normal([n, 2], seed=1))
show(tf.stack([n, 5]))
show(tf.range(n))
feed = {x: np.ones((4, 3), np.float32), y: np.ones((2, 6), np.float32)}
with tf.Session() as sess:
    print(sess.run(tf.ones([n]), feed).shape)
    print(sess.run(tf.zeros([n, 3]), feed).shape)
    print(sess.run(tf.reshape(tf.zeros([4, 6]), [-1, tf.shape(y)[1]]), feed).shape)
    print(sess.run(tf.convert_to_tensor([[n, 1], [2, n]]), feed))
show_error(tf.convert_to_tensor, [n, 1.5])
show_error(tf.convert_to_tensor, [n, tf.constant(1, tf.int64)])
show_error(tf.zeros, [n, tf.constant(2.0)])
