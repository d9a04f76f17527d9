# tf.summary.scalar: op names, tags (uniquified op names), collections, bytes for each dtype.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
a = tf.summary.scalar('loss', tf.constant(0.5))
print(a, a.op.type, [t.name for t in a.op.inputs])
with tf.name_scope('scope'):
    b = tf.summary.scalar('loss', tf.constant(1.5))
    c = tf.summary.scalar('loss', tf.constant(2.5))
d = tf.summary.scalar('x', 1.0, family='fam')
e = tf.summary.scalar('w:0', 3.0)
f = tf.summary.scalar('a b/c(d)', 4.0)
g = tf.summary.scalar('mine', 5.0, collections=['custom'])
h = tf.summary.scalar('fam2', 6.0, family='f/g')
for t in [a, b, c, d, e, f, g, h]:
    print(t.name)
print([t.name for t in tf.get_collection(tf.GraphKeys.SUMMARIES)])
print([t.name for t in tf.get_collection('custom')])
values = [tf.constant(0.5), tf.constant(2.0, tf.float64), tf.constant(7), tf.constant(-3, tf.int64),
          tf.constant(1e40, tf.float64), tf.constant(np.float16(0.1)), tf.constant(200, tf.uint8),
          tf.constant(-1.0e-45), tf.constant(np.nan), tf.constant(-np.inf)]
ops = [tf.summary.scalar('v', v) for v in values]
with tf.Session() as sess:
    for t, out in zip([a, b, c, d, e, f, g, h] + ops, sess.run([a, b, c, d, e, f, g, h] + ops)):
        print(t.name, repr(out))
    p = tf.placeholder(tf.float32, [])
    fed = tf.summary.scalar('fed', p)
    print(sess.run(fed, {p: 0.25}))
