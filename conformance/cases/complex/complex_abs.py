# tf.abs of a complex tensor is a ComplexAbs op with a real output; its gradient; 2nd order.
z = tf.constant([3 + 4j, -1.2 + 0.5j, 0j, 0.7 - 0.9j], tf.complex64)
a = tf.abs(z)
print(a, a.op.type, a.op.get_attr("Tout"), a.op.get_attr("T"))
a2 = tf.math.abs(tf.constant([[1 - 1j]], tf.complex128), name="mag")
print(a2, a2.op.type)
print(tf.abs(tf.constant([-1.5, 2.0])).op.type, tf.abs(tf.constant([-3])).op.type)
g = tf.gradients(a, z)[0]
print(g, g.dtype)
g_sq = tf.gradients(tf.reduce_sum(tf.square(a)), z)[0]
ph = tf.placeholder(tf.complex64, [None, 2])
print(tf.abs(ph).shape, tf.abs(ph).dtype)
with tf.Session() as sess:
    for v in sess.run([a, a2, g, g_sq]):
        print(np.array2string(v, precision=5))
    print(sess.run(tf.abs(ph), {ph: np.zeros((0, 2))}).shape)
print(tf.abs(tf.constant(1 + 1j)).shape)
