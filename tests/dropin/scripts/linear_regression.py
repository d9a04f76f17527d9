"""Fits y = 3x + 2 by gradient descent: a TF1 training loop with flags and logging."""
# TF1-era Python idiom, kept as such scripts were written:
# ruff: noqa: UP004, UP010, UP031
import numpy as np
import tensorflow as tf

tf.app.flags.DEFINE_integer("train_steps", 60, "Number of gradient descent steps.")
tf.app.flags.DEFINE_float("learning_rate", 0.05, "Gradient descent step size.")
tf.app.flags.DEFINE_integer("log_every", 20, "Log the loss every this many steps.")
FLAGS = tf.app.flags.FLAGS


def make_data(n=64):
    rng = np.random.RandomState(0)
    xs = rng.uniform(-1.0, 1.0, size=(n, 1)).astype(np.float32)
    noise = rng.normal(0.0, 0.01, size=(n, 1)).astype(np.float32)
    return xs, 3.0 * xs + 2.0 + noise


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    xs, ys = make_data()
    x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
    y = tf.placeholder(tf.float32, shape=[None, 1], name="y")
    with tf.variable_scope("model"):
        w = tf.get_variable("w", shape=[1, 1], initializer=tf.zeros_initializer())
        b = tf.Variable(tf.zeros([1]), name="b")
    prediction = tf.matmul(x, w) + b
    loss = tf.reduce_mean(tf.square(prediction - y), name="loss")
    global_step = tf.train.get_or_create_global_step()
    train_op = tf.train.GradientDescentOptimizer(FLAGS.learning_rate).minimize(
        loss, global_step=global_step)
    print("trainable:", [v.name for v in tf.trainable_variables()])
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(FLAGS.train_steps):
            _, step, loss_value = sess.run([train_op, global_step, loss],
                                           feed_dict={x: xs, y: ys})
            if step % FLAGS.log_every == 0:
                tf.logging.info("step %d: loss = %.5f", step, loss_value)
        w_value, b_value = sess.run([w, b])
    print("w = %.3f, b = %.3f" % (w_value[0, 0], b_value[0]))


if __name__ == "__main__":
    tf.app.run()
