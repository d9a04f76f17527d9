# Composite ops: every op created by random_normal, random_uniform, truncated_normal,
# clip_by_value, reduce_mean, one_hot and range, in creation order.
g = tf.get_default_graph()
for make in [lambda: tf.random_normal([2]), lambda: tf.random_uniform([2], 1.0, 3.0),
             lambda: tf.truncated_normal([2], stddev=2.0), lambda: tf.random_uniform([2]),
             lambda: tf.clip_by_value(tf.constant([1.0]), 0.0, 0.5),
             lambda: tf.reduce_mean(tf.constant([1.0])), lambda: tf.one_hot([1], 2),
             lambda: tf.range(3), lambda: tf.nn.softmax(tf.constant([1.0]))]:
    before = len(g.get_operations())
    out = make()
    print(out.name, [(op.name, op.type) for op in g.get_operations()[before:]])
