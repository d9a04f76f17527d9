# merge_all / merge: names, collection order, concatenated values, None without summaries.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
print(tf.summary.merge_all())
a = tf.summary.scalar('a', 1.0)
h = tf.summary.histogram('h', tf.constant([1.0, 2.0]))
with tf.name_scope('inner'):
    b = tf.summary.scalar('b', 2.0)
c = tf.summary.scalar('c', 3.0, collections=['other'])
m = tf.summary.merge_all()
m2 = tf.summary.merge([c, a])
m3 = tf.summary.merge_all(key='other')
m4 = tf.summary.merge_all(scope='inner')
m5 = tf.summary.merge([h, m2], collections=['merged'], name='mine')
print(m, m.op.type, [t.name for t in m.op.inputs])
print(m2, [t.name for t in m2.op.inputs])
print(m3, m4, m5)
print([t.name for t in tf.get_collection('merged')])
print(tf.summary.merge_all(key='nothing'))
with tf.Session() as sess:
    out, out2, out5 = sess.run([m, m2, m5])
print(out)
print(out2)
print(out5)
print([v.tag for v in tf.Summary.FromString(out5).value])
with tf.Session() as sess:
    dup = tf.summary.merge([a, a])
    show_error_contains(lambda: sess.run(dup), 'Duplicate tag a found in summary inputs')
    fed = tf.placeholder(tf.string)
    show_error_contains(lambda: sess.run(tf.summary.merge([fed]), {fed: b'garbage'}),
                        'Could not parse one of the summary inputs')
    print(sess.run(tf.summary.merge([fed]), {fed: b''}))
show_error(tf.summary.merge, [])
