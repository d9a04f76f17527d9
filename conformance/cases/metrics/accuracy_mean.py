# tf.metrics.accuracy / mean: local variables, op names and streaming updates.
labels = tf.constant([1, 0, 1, 1])
preds = tf.constant([1, 1, 1, 0])
acc, upd = tf.metrics.accuracy(labels, preds)
print(acc, upd)
print([op.name for op in tf.get_default_graph().get_operations()])
print(tf.local_variables(), tf.trainable_variables())
m, m_upd = tf.metrics.mean(tf.constant([1.0, 2.0, 6.0]), weights=tf.constant([1.0, 1.0, 0.0]))
print(m.name, m_upd.name)
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    print(sess.run(acc), sess.run(upd), sess.run(acc), sess.run(upd), sess.run(acc))
    print(sess.run(m_upd), sess.run(m))
print(tf.Session().run(tf.div_no_nan(tf.constant([1.0, 2.0]), tf.constant([0.0, 4.0]))))
