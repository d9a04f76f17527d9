"""A very simple MNIST classifier (TF1's mnist_softmax tutorial), on synthetic digits.

The tutorial downloads MNIST and saves nothing; this variant draws 28x28 "digits" from ten fixed
random prototypes plus noise, so it runs offline and deterministically.
"""
# TF1-era Python idiom, kept as such scripts were written:
# ruff: noqa: UP004, UP010, UP031
from __future__ import absolute_import, division, print_function

import argparse
import sys

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

FLAGS = None


class SyntheticDigits(object):
    """Stands in for input_data.read_data_sets(...).train: images, one-hot labels, next_batch."""

    def __init__(self, num_examples, seed):
        prototypes = np.random.RandomState(42).uniform(0.0, 1.0, size=(10, 784))
        rng = np.random.RandomState(seed)
        digits = rng.randint(0, 10, size=num_examples)
        noise = rng.normal(0.0, 2.5, size=(num_examples, 784))
        self.images = (prototypes[digits] + noise).astype(np.float32)
        self.labels = np.eye(10, dtype=np.float32)[digits]
        self._position = 0

    def next_batch(self, batch_size):
        start, self._position = self._position, self._position + batch_size
        if self._position > len(self.images):
            start, self._position = 0, batch_size
        return self.images[start:self._position], self.labels[start:self._position]


def main(_):
    train, test = SyntheticDigits(2000, seed=1), SyntheticDigits(500, seed=2)

    # Create the model
    x = tf.placeholder(tf.float32, [None, 784])
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    y = tf.matmul(x, W) + b

    # Define loss and optimizer
    y_ = tf.placeholder(tf.float32, [None, 10])
    cross_entropy = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=y))
    train_step = tf.train.GradientDescentOptimizer(0.05).minimize(cross_entropy)

    sess = tf.InteractiveSession()
    tf.global_variables_initializer().run()
    # Train
    for step in range(FLAGS.steps):
        batch_xs, batch_ys = train.next_batch(100)
        _, loss = sess.run([train_step, cross_entropy], feed_dict={x: batch_xs, y_: batch_ys})
        if step % 25 == 0:
            print("step %3d  cross entropy %.4f" % (step, loss))

    # Test trained model
    correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
    accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    print("test accuracy %.3f" % sess.run(accuracy, feed_dict={x: test.images,
                                                             y_: test.labels}))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='/tmp/tensorflow/mnist/input_data',
                        help='Unused: the digits are synthetic')
    parser.add_argument('--steps', type=int, default=100, help='Training steps')
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
