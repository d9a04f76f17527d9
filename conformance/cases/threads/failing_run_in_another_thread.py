# One thread runs an update followed by a failing op, 2,000 times, while another increments
# a counter: the counter loses nothing, and every update that ran before an error stays.
import threading

counter = tf.Variable(0, name='counter')
inc = tf.assign_add(counter, 1)
other = tf.Variable(0, name='other')
bump = tf.assign_add(other, 1)
with tf.control_dependencies([bump]):
    bad = tf.reshape(tf.constant([1.0, 2.0, 3.0]), tf.placeholder_with_default([2], [1]))
sess = tf.Session()
sess.run(tf.global_variables_initializer())
failures = []


def fail():
    for _ in range(2000):
        try:
            sess.run(bad)
        except tf.errors.InvalidArgumentError:
            failures.append(1)


def count():
    for _ in range(2000):
        sess.run(inc.op)


threads = [threading.Thread(target=fail), threading.Thread(target=count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(failures), sess.run(counter), sess.run(other))
