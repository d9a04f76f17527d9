# Gradients through broadcasting sum over the broadcast dimensions and keep input shapes.
a = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], name='a')
b = tf.constant([10.0, 20.0, 30.0], name='b')
c = tf.constant(2.0, name='c')
col = tf.constant([[1.0], [2.0]], name='col')
cases = [a + b, a * b, a - b, a / b, a * c, b * col, tf.maximum(a, b * 0.1), a ** c,
         tf.squared_difference(a, col)]
with tf.Session() as sess:
    for y in cases:
        gs = tf.gradients(y, [a, b, c, col], unconnected_gradients='zero')
        print([g.shape.as_list() for g in gs])
        print([np.round(v, 5).tolist() for v in sess.run(gs)])
