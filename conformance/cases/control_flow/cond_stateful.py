# Only the taken branch runs: assigns in the untaken branch leave the variable alone.
v = tf.Variable(0.0, name='v')
p = tf.placeholder(tf.bool, name='p')
r = tf.cond(p, lambda: v.assign(1.0), lambda: v.assign(2.0))
print(r)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('cond'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run(r, {p: True}), sess.run(v))
    print(sess.run(r, {p: False}), sess.run(v))
w = tf.Variable(10.0, name='w')
inc = tf.cond(p, lambda: tf.assign_add(w, 1.0), lambda: tf.identity(w))
with tf.Session() as sess:
    sess.run(w.initializer)
    print([sess.run(inc, {p: b}) for b in (True, False, False, True)], sess.run(w))
