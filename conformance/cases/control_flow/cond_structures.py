# Branch results: singletons, strict, nested dicts/tuples, namedtuples, ops, python values.
import collections

x = tf.constant(2.0, name='x')
p = tf.placeholder(tf.bool, name='p')
print(tf.cond(p, lambda: [x], lambda: [x]))
print(tf.cond(p, lambda: [x], lambda: [x], strict=True))
d = tf.cond(p, lambda: {'a': x, 'b': (x, 2 * x)}, lambda: {'a': -x, 'b': (x, x)})
print(d)
P = collections.namedtuple('P', 'u v')
nt = tf.cond(p, lambda: P(x, x), lambda: P(x, x + 1))
print(nt)
noop = tf.cond(p, lambda: tf.no_op(), lambda: tf.no_op())
print(noop)
named = tf.cond(tf.constant(True), lambda: 1.0, lambda: 2.0, name='named')
print(named)
for op in tf.get_default_graph().get_operations():
    if op.name.startswith('cond_3/') or op.name.startswith('named/'):
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
with tf.Session() as sess:
    print(sess.run([d, nt, noop], {p: True}))
    print(sess.run([d, nt, noop], {p: False}))
    print(sess.run(named))
