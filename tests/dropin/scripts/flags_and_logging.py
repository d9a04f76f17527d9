"""Greets and counts, the way TF1 command-line programs parse flags and log.

Usage: %s [--name=NAME] [--steps=N] [--[no]shout]
"""
# TF1-era Python idiom, kept as such scripts were written:
# ruff: noqa: UP004, UP010, UP031
import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_string("name", "world", "Who to greet.")
flags.DEFINE_integer("steps", 3, "How many steps to count.", lower_bound=0)
flags.DEFINE_float("learning_rate", 0.01, "Step size.")
flags.DEFINE_boolean("shout", False, "Greet in capitals.")
flags.DEFINE_list("layers", "64,32", "Hidden layer sizes.")
flags.DEFINE_enum("mode", "train", ["train", "eval"], "What to do.")
FLAGS = flags.FLAGS

tf.logging.warning("logged before tf.app.run: verbosity %d", tf.logging.get_verbosity())


def main(argv):
    print("argv:", argv[1:])
    greeting = "hello, %s" % FLAGS.name
    print(greeting.upper() if FLAGS.shout else greeting)
    print("steps=%d learning_rate=%g layers=%s mode=%s" % (
        FLAGS.steps, FLAGS.learning_rate, FLAGS.layers, FLAGS.mode))
    print("verbosity inside main:", tf.logging.get_verbosity())
    tf.logging.info("starting %d steps", FLAGS.steps)
    for step in range(FLAGS.steps):
        tf.logging.log_every_n(tf.logging.INFO, "step %d", 2, step)
    tf.logging.set_verbosity(tf.logging.ERROR)
    tf.logging.warning("hidden: verbosity is ERROR")
    tf.logging.error("done after %d steps", FLAGS.steps)
    return 0 if FLAGS.mode == "train" else 3


if __name__ == "__main__":
    tf.app.run()
