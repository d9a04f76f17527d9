# Inverse trig and hyperbolic ops: op types/names, float32 and float64 values, gradients.
x32 = tf.constant([-0.9, -0.3, 0.0, 0.4, 0.8], tf.float32)
x64 = tf.constant([-0.9, -0.3, 0.0, 0.4, 0.8], tf.float64)
big = tf.constant([1.0, 1.5, 3.0, 10.0], tf.float64)
fns = [tf.tan, tf.asin, tf.acos, tf.atan, tf.sinh, tf.cosh, tf.asinh, tf.atanh,
       tf.math.tan, tf.math.asin]
ts = [f(x) for f in fns for x in (x32, x64)] + [tf.acosh(big), tf.atan2(x64, x64[::-1])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
grads = [tf.gradients(t, x64)[0] for t in ts if t.dtype == tf.float64 and t.op.type != "Acosh"]
grads.append(tf.gradients(tf.acosh(big), big)[0])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(v, precision=6))
    for v in sess.run(grads):
        print(np.array2string(v, precision=6))
    print(sess.run(tf.tan(tf.zeros([0, 2]))).shape, sess.run(tf.asinh(2.0)))
show_error(tf.asin, tf.constant([1, 2]))
