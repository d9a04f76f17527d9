# Nested loops, a cond inside a loop body and a loop inside a cond branch.
x = tf.placeholder(tf.float32, [], name='x')
n = tf.constant(3, name='n')


def outer(i, acc):
    _, inner = tf.while_loop(lambda j, a: j < i, lambda j, a: (j + 1, a + x),
                             [tf.constant(0), acc])
    return i + 1, inner


r = tf.while_loop(lambda i, a: i < n, outer, [tf.constant(0), tf.constant(0.0)])
print(r)
p = tf.placeholder(tf.bool, [], name='p')
in_cond = tf.cond(p, lambda: tf.while_loop(lambda a: a < 10.0, lambda a: a + x, [x]), lambda: x)
with_cond = tf.while_loop(lambda a: a < 10.0,
                          lambda a: tf.cond(a > 3.0, lambda: a * 2.0, lambda: a + 1.0), [x])
for op in tf.get_default_graph().get_operations():
    print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
print(len(tf.get_collection('while_context')), len(tf.get_collection('cond_context')))
with tf.Session() as sess:
    print(sess.run(r, {x: 1.5}))
    print(sess.run([in_cond, with_cond], {x: 1.0, p: True}))
    print(sess.run([in_cond, with_cond], {x: 2.5, p: False}))
