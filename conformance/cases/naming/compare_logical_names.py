# Default names and types of comparisons and logical ops (logical_xor is composite).
a = tf.constant([1.0, 4.0], name='a')
b = tf.constant([2.0, 0.5], name='b')
for t in [tf.equal(a, b), tf.not_equal(a, b), tf.less(a, b), tf.less_equal(a, b),
          tf.greater(a, b), tf.greater_equal(a, b)]:
    print(t.name, t.op.type, t.dtype.name, [i.name for i in t.op.inputs])
p = tf.constant([True, False], name='p')
q = tf.constant([True, True], name='q')
before = len(tf.get_default_graph().get_operations())
for t in [tf.logical_and(p, q), tf.logical_or(p, q), tf.logical_not(p), tf.logical_xor(p, q)]:
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
print([(op.name, op.type) for op in tf.get_default_graph().get_operations()[before:]])
