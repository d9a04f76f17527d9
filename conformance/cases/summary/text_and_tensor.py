# tf.summary.text and tf.summary.tensor_summary: TensorSummaryV2 bytes with plugin metadata.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
t1 = tf.summary.text('notes', tf.constant('hello **world**'))
t2 = tf.summary.text('table', tf.constant([['a', 'b'], ['c', 'd']]))
t3 = tf.summary.tensor_summary('vec', tf.constant([1.0, 2.0, 3.0]))
t4 = tf.summary.tensor_summary('desc', tf.constant(7), summary_description='an int')
t5 = tf.summary.tensor_summary('fam', tf.constant([[1, 2]], tf.int64), family='grp',
                               display_name='shown')
meta = tf.SummaryMetadata()
meta.plugin_data.plugin_name = 'custom'
meta.plugin_data.content = b'\x01\x02'
t6 = tf.summary.tensor_summary('meta', tf.constant(True), summary_metadata=meta)
t7 = tf.summary.tensor_summary('strs', tf.constant([b'x\x00y', b'']))
ops = [t1, t2, t3, t4, t5, t6, t7]
for t in ops:
    print(t, t.op.type, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    for t, out in zip(ops, sess.run(ops)):
        print(t.name, out)
        print(tf.Summary.FromString(out))
show_error(tf.summary.text, 'bad', tf.constant(1.0))
