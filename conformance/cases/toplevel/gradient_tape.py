# tf.GradientTape in graph mode: watched tensors, only recorded ops, stop_recording, nested tapes,
# persistence, jacobians, unconnected gradients. (TF's tape rejects reference variables, so
# variables are left out; its gradient op names differ from tfcompat's, so only values print.)
sess = tf.Session()
x = tf.constant([1., 2., 3.], name="x")
before = x * 2.0
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x * x) + tf.reduce_sum(before * x)
g = tape.gradient(y, x)
print(g.dtype, g.shape, sess.run(g).tolist())
show_error(tape.gradient, y, x)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = x * x
    z = tf.reduce_sum(y)
j = tape.jacobian(y, x)
print(j.shape, sess.run(j).tolist())
print(sess.run(tape.gradient(z, x)).tolist(), sess.run(tape.gradient(z, [x, x])))
print(sess.run(tape.gradient(y, x, output_gradients=tf.constant([1., 0., 2.]))).tolist())
print(tape.gradient(z, tf.constant(1.0)))
print(sess.run(tape.gradient(z, {"a": x, "b": (x,)})))
with tf.GradientTape() as tape:
    tape.watch(x)
    with tape.stop_recording():
        w = x * 3
    y = tf.reduce_sum(w * x)
print(sess.run(tape.gradient(y, x)).tolist())
with tf.GradientTape() as t2:
    t2.watch(x)
    with tf.GradientTape() as t1:
        t1.watch(x)
        y = tf.reduce_sum(x ** 3)
    g1 = t1.gradient(y, x)
print(sess.run(t2.gradient(g1, x)).tolist())
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = tf.stack([x * 2, x * x])
print(tape.jacobian(y, x).shape, sess.run(tape.jacobian(y, x))[1].tolist())
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x)
other = tf.constant([5., 6.])
print(sess.run(tape.gradient(y, [x, other], unconnected_gradients=tf.UnconnectedGradients.ZERO)))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(x)
print(tape.gradient(y, x), tape.watched_variables())
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x)
after = y * 2
print(tape.gradient(after, x))
b = tf.constant(np.arange(6.).reshape(2, 3), tf.float32)
with tf.GradientTape() as tape:
    tape.watch(b)
    y = b * b * tf.constant([1., 2., 3.])
bj = tape.batch_jacobian(y, b)
print(sess.run(bj).tolist())
show_error(tape.watch, 3)
with tf.GradientTape() as tape:
    tape.watch([x])
    y = tf.reduce_sum(x * x)
show_error(tape.reset)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x * x)
    tape.reset()
    z = tf.reduce_sum(x * 4)
print(tape.gradient(y, x))
