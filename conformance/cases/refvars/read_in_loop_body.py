# A tf.while_loop body updating a variable and reading it after the update (one iteration at
# a time): TF's Enter forwards the variable's buffer, so each read sees that iteration's value.
acc = tf.Variable(0.0, name='acc')


def body(i, total):
    with tf.control_dependencies([tf.assign_add(acc, 1.0)]):
        return i + 1, total + acc * 1.0


loop = tf.while_loop(lambda i, total: i < 3, body, [tf.constant(0), tf.constant(0.0)],
                     parallel_iterations=1)
with tf.Session() as sess:
    sess.run(acc.initializer)
    i, total = sess.run(loop)
    print(int(i), float(total), float(sess.run(acc)))
