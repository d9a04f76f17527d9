# tf.train.piecewise_constant builds TF's graph: tf.case(exclusive=True) with its run-time
# exclusivity Assert (op names and types), values at and around the boundaries, int/float steps,
# and the Assert firing when unsorted boundaries make two intervals overlap.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
x = tf.Variable(0, dtype=tf.int64, name="x")
n0 = len(tf.get_default_graph().get_operations())
lr = tf.train.piecewise_constant(x, [3, 7], [1.0, 0.5, 0.1])
print(lr, [(o.name, o.type) for o in tf.get_default_graph().get_operations()[n0:]])
n0 = len(tf.get_default_graph().get_operations())
lr2 = tf.train.piecewise_constant_decay(tf.constant(4.), [1., 5.], [1, 2, 3], name="pc")
print(lr2, [o.name for o in tf.get_default_graph().get_operations()[n0:]][-8:])
step = tf.placeholder(tf.int32, [])
overlapping = tf.train.piecewise_constant(step, [7, 3], [1.0, 0.5, 0.1])
with tf.Session() as sess:
    sess.run(x.initializer)
    print([float(sess.run(lr, {x: i})) for i in [0, 3, 4, 7, 8, 100]], sess.run(lr2))
    print(float(sess.run(overlapping, {step: 1})))
    show_error_contains(lambda: sess.run(overlapping, {step: 5}),
                        "Input error: exclusive=True")
