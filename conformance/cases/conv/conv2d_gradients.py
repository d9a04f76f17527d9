# Gradients of conv2d: graph (ShapeN, Conv2DBackpropInput/Filter), values, and second order.
rng = np.random.RandomState(1)
x = tf.placeholder(tf.float32, [None, 5, 5, 3], name="x")
w = tf.Variable(rng.uniform(-1, 1, [3, 2, 3, 2]).astype(np.float32), name="w")
y = tf.nn.conv2d(x, w, strides=[1, 2, 1, 1], padding="SAME")
loss = tf.reduce_sum(y * y)
gx, gw = tf.gradients(loss, [x, w])
print(gx, gw)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith("gradients/Conv2D_grad"):
        print(op.name, op.type, [t.name for t in op.inputs], op.outputs[0].shape)
hw = tf.gradients(tf.reduce_sum(gx * gx), w)[0]
hx = tf.gradients(tf.reduce_sum(gw * gw), x)[0]
print(hw, hx)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith(("gradients_1/gradients/Conv2D_grad", "gradients_2/gradients/Conv2D")):
        print(op.name, op.type, [t.name for t in op.inputs])
feed = {x: rng.uniform(-1, 1, [2, 5, 5, 3]).astype(np.float32)}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    gx_v, gw_v, hw_v, hx_v = sess.run([gx, gw, hw, hx], feed)
    print(gx_v[0, :, :, 0])
    print(gw_v[:, :, 0, 0], gw_v.sum())
    print(hw_v[:, :, 1, 1], hw_v.sum())
    print(hx_v[1, :, :, 2], hx_v.sum())
