# Gradients through TensorArrays: read/write, stack/unstack, gather/scatter, concat/split.
x = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
w = tf.constant([[0.5, -1.], [2., 1.], [1., 3.]])
sess = tf.Session()
ta = tf.TensorArray(tf.float32, size=3).unstack(x)
y = ta.read(1) * 2. + ta.read(0)
g = tf.gradients(tf.reduce_sum(y * y), x)[0]
print(g, sess.run(g))
ta = tf.TensorArray(tf.float32, size=3)
for k in range(3):
    ta = ta.write(k, x[k] * float(k + 1))
s = ta.stack()
g = tf.gradients(tf.reduce_sum(s * w), x)[0]
print(g, sess.run(g))
ta = tf.TensorArray(tf.float32, size=3).scatter([2, 0, 1], x)
gathered = ta.gather([0, 2])
g = tf.gradients(tf.reduce_sum(gathered * w[:2]), x)[0]
print(sess.run(g))
ta = tf.TensorArray(tf.float32, size=2, infer_shape=False).split(tf.reshape(x, [-1]), [2, 4])
cat = ta.concat()
g = tf.gradients(tf.reduce_sum(cat * tf.reshape(w, [-1])), x)[0]
print(sess.run(g))
g1, g2 = tf.gradients(tf.reduce_sum(s * w), [x, w])
print(sess.run([g1, g2]))
for op in tf.get_default_graph().get_operations():
    if op.type == "TensorArrayGradV3":
        print(op.name, op.get_attr("source"))
