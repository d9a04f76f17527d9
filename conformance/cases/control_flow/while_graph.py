# tf.while_loop: the v1 frame (Enter/Merge/LoopCond/Switch/Identity/NextIteration/Exit), names,
# attrs, shapes and values.
i = tf.constant(0, name='i')
x = tf.placeholder(tf.float32, [], name='x')
w = tf.constant(2.0, name='w')
r = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * w), [i, x])
print(r)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('while'):
        attrs = ({k: op.get_attr(k) for k in ('frame_name', 'is_constant', 'parallel_iterations')}
                 if op.type == 'Enter' else '')
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              [str(t.shape) for t in op.outputs], attrs)
print(len(tf.get_collection('while_context')))
with tf.Session() as sess:
    print(sess.run(r, {x: 1.5}))
    print(sess.run(r, {x: -0.25}))
