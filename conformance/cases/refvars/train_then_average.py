# The average-after-train-op idiom (what ExponentialMovingAverage.apply does under
# control_dependencies([train])): the average update reads the freshly trained weight.
w = tf.Variable(4.0, name='w')
avg = tf.Variable(4.0, trainable=False, name='avg')
train = tf.train.GradientDescentOptimizer(0.25).minimize(tf.square(w))
with tf.control_dependencies([train]):
    train_and_average = tf.assign_sub(avg, 0.5 * (avg - w))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        print(float(sess.run(train_and_average)), float(sess.run(w)), float(sess.run(avg)))
