# Several paths into a tensor are summed with AddN; aggregation_method variants and errors.
a = tf.constant(2.0, name='a')
y = a * a + a
print(tf.gradients(y, a))
print(tf.AggregationMethod.ADD_N, tf.AggregationMethod.DEFAULT,
      tf.AggregationMethod.EXPERIMENTAL_TREE, tf.AggregationMethod.EXPERIMENTAL_ACCUMULATE_N)
g_add = tf.gradients(y, a, aggregation_method=tf.AggregationMethod.ADD_N)
g_tree = tf.gradients(y, a, aggregation_method=tf.AggregationMethod.EXPERIMENTAL_TREE)
g_acc = tf.gradients(y, a, aggregation_method=tf.AggregationMethod.EXPERIMENTAL_ACCUMULATE_N)
print(g_add, g_tree, g_acc)
show_error(tf.gradients, y, a, aggregation_method=7)
with tf.Session() as sess:
    print(sess.run([g_add, g_tree, g_acc]))
b = tf.constant([1.0, 2.0], name='b')
z = tf.reduce_sum(b * b * b + b * 2.0 + tf.sin(b))
gz = tf.gradients(z, b)
with tf.Session() as sess:
    print(gz, sess.run(gz))
