# tf.Variable: created ops, initializer, value and read ops, run results.
v = tf.Variable([1.0, 2.0], name='v')
print(v, v.name, v.op.name, v.op.type, v.dtype, v.shape, v.get_shape())
print(v.initializer.name, v.initializer.type, [i.name for i in v.initializer.inputs])
print(v.value(), v.read_value(), v.initial_value, v.graph is tf.get_default_graph())
print(tf.TensorShape(v.op.get_attr('shape')), v.op.get_attr('dtype'), repr(v.device))
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(v)), repr(sess.run(v.value())), repr(v.eval()))
print(tf.Variable(3.0).name, tf.Variable(3.0, name='v').name, tf.Variable(0, name='Variable').name)
