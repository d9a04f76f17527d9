# grad_pass_through (forward f, identity gradient), recompute_grad (same values and gradients),
# vectorized_map (a map over dimension 0; TF's op names differ, values print).
sess = tf.Session()
x = tf.constant([[1., 2.], [3., 4.]], name="x")
f = tf.grad_pass_through(lambda z: tf.round(z))
y = f(x * 1.3)
print(y.op.type, y.shape, sess.run(y).tolist(), sess.run(tf.gradients(y, x)[0]).tolist())
snap = tf.grad_pass_through(lambda a, b: (tf.floor(a), tf.ceil(b)))
ya, yb = snap(x * 1.5, x * 0.5)
print(sess.run([ya, yb]), sess.run(tf.gradients(ya + 2 * yb, x)))


def body(z):
    return tf.sin(z) * z


rf = tf.recompute_grad(body)
y = rf(x)
print(sess.run(y).tolist(), sess.run(tf.gradients(y, x)[0]).tolist())
v = tf.vectorized_map(lambda e: e * 2 + 1, x)
print(v.shape, sess.run(v).tolist())
v = tf.vectorized_map(lambda e: (e[0], e[1] * 2), (x, x))
print(type(v).__name__, [t.shape for t in v], sess.run(v))
v = tf.vectorized_map(lambda e: tf.cast(tf.reduce_sum(e), tf.int32), x)
print(v.dtype, v.shape, sess.run(v).tolist())
v = tf.vectorized_map(lambda e: {"s": tf.reduce_max(e)}, tf.constant(np.arange(6.).reshape(3, 2)))
print(sess.run(v))
print(sess.run(tf.gradients(tf.vectorized_map(lambda e: e * e, x), x)[0]).tolist())
