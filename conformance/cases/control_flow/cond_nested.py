# Nested conds: outside tensors are switched through every enclosing context.
x = tf.placeholder(tf.float32, [2], name='x')
y = tf.constant([1., 2.], name='y')
p = tf.placeholder(tf.bool, [], name='p')
q = tf.placeholder(tf.bool, [], name='q')
r = tf.cond(p, lambda: tf.cond(q, lambda: x * y, lambda: x + 1.0), lambda: y)
print(r)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('cond'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              [str(t.shape) for t in op.outputs])
print(len(tf.get_collection('cond_context')))
g = tf.gradients(r, x)
print(g)
with tf.Session() as sess:
    for pv in (True, False):
        for qv in (True, False):
            print(pv, qv, sess.run([r, g], {x: [3., 4.], p: pv, q: qv}))
