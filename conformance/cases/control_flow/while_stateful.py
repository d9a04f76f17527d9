# Variables updated inside a loop body: the update runs once per iteration.
v = tf.Variable(1.0, name='v')


def body(i):
    with tf.control_dependencies([tf.assign_add(v, v.read_value())]):
        return i + 1


r = tf.while_loop(lambda i: i < 3, body, [tf.constant(0, name='i0')])
print(r)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('while'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run(r), sess.run(v))
    print(sess.run(r), sess.run(v))
