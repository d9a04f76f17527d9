# maximum_iterations, return_same_structure, nested structures, python loop vars,
# shape invariants.
x = tf.placeholder(tf.float32, [], name='x')
r = tf.while_loop(lambda a: a < 100.0, lambda a: a * 2.0, [x], maximum_iterations=3)
print(r)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('while/'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
same = tf.while_loop(lambda a: a < 3, lambda a: a + 1, [0], return_same_structure=True)
print(same)
d = tf.while_loop(lambda a, b: a < 3, lambda a, b: (a + 1, {'k': b['k'] * 2}), (0, {'k': 1.0}))
print(d)
y = tf.constant([1.0], name='y')
grow = tf.while_loop(lambda a: tf.size(a) < 8, lambda a: tf.concat([a, a], 0), [y],
                     shape_invariants=[tf.TensorShape([None])])
print(grow)
with tf.Session() as sess:
    print(sess.run(r, {x: 1.0}), sess.run(r, {x: 30.0}))
    print(sess.run(same), sess.run(d), sess.run(grow))
