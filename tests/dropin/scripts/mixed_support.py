"""A TF1 training script that mixes symbols tfcompat supports with ones it does not."""
import numpy as np
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.python.platform import gfile

tf.app.flags.DEFINE_integer("steps", 10, "Training steps.")
FLAGS = tf.app.flags.FLAGS


def model(x):
    hidden = tf.nn.relu(tf.matmul(x, tf.Variable(tf.zeros([4, 8]))))
    hidden = slim.fully_connected(hidden, 8)
    return tf.contrib.layers.flatten(hidden)


def main(_):
    x = tf.placeholder(tf.float32, [None, 4])
    loss = tf.reduce_mean(tf.square(model(x)))
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    if gfile.Exists("/tmp"):
        tf.logging.info("tmp exists")
    with tf.compat.v1.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(FLAGS.steps):
            sess.run(train_op, {x: np.ones((2, 4))})
    print(tf.GraphKeys.TRAINABLE_VARIABLES, tf.reduce_sume)


if __name__ == "__main__":
    tf.app.run()
