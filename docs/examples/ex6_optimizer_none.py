"""Seed example 6: apply_gradients skips the None gradient of w1."""
import tensorflow as tf

w1 = tf.Variable(2.0)
w2 = tf.Variable(2.0)
a = tf.multiply(w1, 3.0)
a_stoped = tf.stop_gradient(a)
b = tf.multiply(a_stoped, w2)
opt = tf.train.GradientDescentOptimizer(0.1)
gradients = tf.gradients(b, xs=tf.trainable_variables())
try:
    tf.summary.histogram(gradients[0].name, gradients[0])
except AttributeError as error:
    print("AttributeError:", error)  # gradients[0] is None
train_op = opt.apply_gradients(zip(gradients, tf.trainable_variables()))
print(gradients)
with tf.Session() as sess:
    tf.global_variables_initializer().run()
    print(sess.run(train_op))     # None
    print(sess.run([w1, w2]))     # [2.0, 1.4]
