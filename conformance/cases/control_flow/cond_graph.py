# tf.cond: op names, types, inputs, control inputs and static shapes of the v1 graph.
x = tf.placeholder(tf.float32, name='x')
v = tf.Variable(2.0, name='v')


def true_fn():
    return x * tf.constant(3.0) + v


r = tf.cond(x > 0, true_fn, lambda: tf.square(x))
print(r, repr(r))
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('cond'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              [str(t.shape) for t in op.outputs], [t.dtype.name for t in op.outputs])
print(len(tf.get_collection('cond_context')))
