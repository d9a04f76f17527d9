# softsign, selu, swish/silu, crelu, log_sigmoid: values, op types and (second) gradients.
x = tf.constant([-3.0, -0.5, 0.0, 0.7, 4.0], tf.float64)
ts = [tf.nn.softsign(x), tf.nn.selu(x), tf.nn.swish(x), tf.nn.silu(x), tf.nn.crelu(x),
      tf.math.softsign(x), tf.nn.selu(tf.cast(x, tf.float32)),
      tf.nn.crelu(tf.reshape(x, [1, 5]), axis=0)]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g1 = [tf.gradients(t, x)[0] for t in ts[:5]]
g2 = [tf.gradients(g1[1], x)[0]]  # TF registers no gradient for SoftsignGrad
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    for v in sess.run(g1 + g2):
        print(np.array2string(np.asarray(v), precision=6))
    print([op.type for op in g1[0].graph.get_operations() if op.type.endswith("Grad")][:4])
