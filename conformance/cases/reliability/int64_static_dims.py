# Static dims are int64: shapes past 2**31 neither wrap nor lose bits; shape arguments holding
# them become int64 tensors.
z = tf.zeros([1 << 40])
print(z.shape, z.op.type, [(t.op.type, t.dtype.name) for t in z.op.inputs])
print(tf.ones([1 << 40]).shape, tf.fill([2 ** 40], 1.0).shape)
print(tf.zeros([2 ** 31, 2]).op.inputs[0].dtype.name,
      tf.zeros([2 ** 31 - 1, 2]).op.inputs[0].dtype.name)
print(tf.zeros(tf.TensorShape([2 ** 40])).shape, tf.TensorShape([2 ** 40, 3]).num_elements())
print(tf.placeholder(tf.float32, [2 ** 40, None]).shape)
r = tf.reshape(tf.zeros([0]), [2 ** 32 + 5, 0])
print(r.shape, r.op.inputs[1].dtype.name)
print(tf.reshape(tf.zeros([0]), [2 ** 32 + 5, -1]).shape)
print(tf.tile([1.0], [2 ** 31]).op.inputs[1].dtype.name)
print(tf.reshape(tf.zeros([0]), [5, 0]).op.inputs[1].dtype.name)
p = tf.placeholder(tf.int64, [None], name='p')
r2 = tf.reshape(tf.zeros([0]), p)
with tf.Session() as sess:
    print(sess.run(r).shape, sess.run(r2, {p: [2 ** 32 + 5, 0]}).shape)
