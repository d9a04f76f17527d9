# Pooling gradients: graph (MaxPoolGrad, AvgPoolGrad, second order), tie-breaking and values.
rng = np.random.RandomState(3)
x = tf.placeholder(tf.float32, [None, 4, 5, 2], name="x")
m = tf.nn.max_pool(x, 3, 2, "SAME")
a = tf.nn.avg_pool(x, 2, [1, 1, 2, 1], "SAME")
gm = tf.gradients(tf.reduce_sum(m * m), x)[0]
ga = tf.gradients(a, x, grad_ys=tf.ones_like(a) * 2)[0]
print(gm, ga)
ggm = tf.gradients(gm, x, grad_ys=tf.ones_like(gm))
gga = tf.gradients(tf.reduce_sum(ga * ga), x)
print(ggm, gga)
seen = set()
for op in tf.get_default_graph().get_operations():
    if "Pool" in op.type and op.name not in seen:
        seen.add(op.name)
        print(op.name, op.type, [t.name for t in op.inputs], op.outputs[0].shape)
ones = tf.ones([1, 4, 4, 1])
ties = [tf.gradients(tf.nn.max_pool(ones, k, s, p), ones)[0]
        for k, s, p in ((2, 1, "VALID"), (3, 1, "SAME"), (2, 2, "SAME"))]
feed = {x: rng.uniform(-1, 1, [2, 4, 5, 2]).astype(np.float32)}
with tf.Session() as sess:
    gm_v, ga_v, ggm_v = sess.run([gm, ga, ggm[0]], feed)
    print(gm_v[0, :, :, 1])
    print(ga_v[1, :, :, 0])
    print(ggm_v[0, :, :, 0])
    for t in ties:
        print(sess.run(t)[0, :, :, 0])
