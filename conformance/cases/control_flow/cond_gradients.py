# Values and gradients through tf.cond on both branches, with zeros for the untaken side.
x = tf.placeholder(tf.float32, name='x')
v = tf.Variable(2.0, name='v')
r = tf.cond(x > 0, lambda: x * tf.constant(3.0) + v, lambda: tf.square(x))
g = tf.gradients(r, [x, v])
print(g)
for name in ('gradients/cond/Merge_grad/cond_grad', 'gradients/Switch', 'gradients/Identity',
             'gradients/zeros/Const', 'gradients/zeros',
             'gradients/cond/Square/Switch_grad/cond_grad'):
    op = tf.get_default_graph().get_operation_by_name(name)
    print(name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run([r] + g, {x: 2.0}))
    print(sess.run([r] + g, {x: -2.0}))
    print(sess.run([r] + g, {x: 0.0}))
# Second order.
y = tf.placeholder(tf.float32, [], name='y')
s = tf.cond(y > 0, lambda: y * y * y, lambda: -y * y)
gy = tf.gradients(s, y)[0]
hy = tf.gradients(gy, y)[0]
with tf.Session() as sess:
    print(sess.run([s, gy, hy], {y: 2.0}))
    print(sess.run([s, gy, hy], {y: -3.0}))
