# Seed example 6 with the None gradient filtered out: histograms of every gradient and variable.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
w1 = tf.Variable(2.0, name='w1')
w2 = tf.Variable(2.0, name='w2')
a = tf.multiply(w1, 3.0)
b = tf.multiply(tf.stop_gradient(a), w2)
opt = tf.train.GradientDescentOptimizer(0.1)
gradients = tf.gradients(b, xs=tf.trainable_variables())
show_error(lambda: tf.summary.histogram(gradients[0].name, gradients[0]))
for grad, var in zip(gradients, tf.trainable_variables()):
    if grad is not None:
        print(tf.summary.histogram(grad.name, grad))
    print(tf.summary.histogram(var.name, var))
print(tf.summary.scalar('b', b))
train_op = opt.apply_gradients(zip(gradients, tf.trainable_variables()))
merged = tf.summary.merge_all()
print(merged)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3):
        out = sess.run(merged)
        print(step, [v.tag for v in tf.Summary.FromString(out).value])
        print(out)
        print(sess.run(train_op))
    print(sess.run([w1, w2]))
