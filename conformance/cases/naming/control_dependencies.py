# control_dependencies records control inputs on ops created inside the block.
a = tf.constant(1.0, name='a')
b = tf.constant(2.0, name='b')
with tf.control_dependencies([a]):
    c = tf.identity(b, name='c')
    with tf.control_dependencies([b.op]):
        d = tf.add(a, b, name='d')
    with tf.control_dependencies(None):
        e = tf.constant(3.0, name='e')
print([op.name for op in c.op.control_inputs])
print(sorted(op.name for op in d.op.control_inputs))
print(e.op.control_inputs)
with tf.control_dependencies([c]):
    f = tf.no_op(name='f')
print([op.name for op in f.control_inputs], f.type)
with tf.control_dependencies([]):
    print(tf.constant(0).op.control_inputs)
with tf.control_dependencies([a, b]):
    h = tf.constant(4.0, name='h')
    k = tf.identity(a, name='k')
print(sorted(op.name for op in h.op.control_inputs), [op.name for op in k.op.control_inputs])
show_error(lambda: tf.control_dependencies([1.0]).__enter__())
with tf.Session() as sess:
    print(sess.run([c, d]))
