# tf.train.sdca_fprint (FarmHash Fingerprint128 of strings of many lengths) and
# tf.train.sdca_shrink_l1 (in-place L1 shrinkage of float variables): values, shapes, op types,
# node inputs, errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
words = ["", "a", "abc", "hello world", "0123456789abcdef", "x" * 17, "feature:42",
         "y" * 31, "z" * 64, "q" * 100, "w" * 127, "p" * 128, "long " * 40, "\u00e9t\u00e9",
         "".join(chr(ord("a") + i % 26) for i in range(300))]
f = tf.train.sdca_fprint(tf.constant(words))
print(f, f.op.type)
print(tf.train.sdca_fprint(tf.placeholder(tf.string, [None])))
empty = tf.train.sdca_fprint(tf.constant([], tf.string))
w1 = tf.Variable([0.5, -2., 0.1, -0.15], name="w1")
w2 = tf.Variable([[1.], [-0.2]], name="w2")
shrink = tf.train.sdca_shrink_l1([w1, w2], l1=0.3, l2=2.0)
print(shrink.type, shrink.name, [t.name for t in shrink.inputs], shrink.outputs,
      shrink.get_attr("num_features"), round(shrink.get_attr("l1"), 5), shrink.get_attr("l2"))
with tf.Session() as sess:
    for row in sess.run(f).tolist():
        print(row)
    print(sess.run(empty).shape)
    sess.run(tf.global_variables_initializer())
    print(sess.run(shrink))
    print(sess.run([w1, w2]))
    sess.run(shrink)
    print(sess.run([w1, w2]))
show_error(tf.train.sdca_fprint, tf.constant(3))
show_error(tf.train.sdca_fprint, tf.constant([["a"]]))
