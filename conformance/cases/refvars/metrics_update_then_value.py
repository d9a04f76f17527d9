# Metrics: the update op returns the value after its update; the value tensor, read in a later
# run, shows it too. (A value op read in the same run as the update, without an ordering edge,
# races in TF, so it is not checked here.)
values = tf.placeholder(tf.float32, [None], name='values')
mean, update = tf.metrics.mean(values)
acc, acc_update = tf.metrics.accuracy(tf.constant([1, 0, 1]), tf.constant([1, 1, 1]))
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    print(float(sess.run(update, {values: [1.0, 3.0]})), float(sess.run(mean)))
    print(float(sess.run(update, {values: [8.0]})), float(sess.run(mean)))
    print(float(sess.run(acc_update)), float(sess.run(acc)))
