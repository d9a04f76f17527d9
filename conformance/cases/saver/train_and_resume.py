# A training script that checkpoints every step and a second graph that resumes from the latest.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile


def build():
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    with tf.variable_scope("dense"):
        w = tf.get_variable("w", initializer=np.array([[0.5], [-0.5]], np.float32))
        b = tf.get_variable("b", initializer=np.zeros([1], np.float32))
    loss = tf.reduce_sum(tf.square(tf.matmul(x, w) + b - 1.0))
    step = tf.train.get_or_create_global_step()
    train = tf.train.AdamOptimizer(0.1).minimize(loss, global_step=step)
    return loss, step, train


root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    loss, step, train = build()
    saver = tf.train.Saver(max_to_keep=2)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train)
            print(saver.save(sess, "run/model", global_step=step), sess.run(loss))
    print(sorted(os.listdir("run")))
    print(tf.train.list_variables("run"))
    with tf.Graph().as_default():
        loss, step, train = build()
        saver = tf.train.Saver()
        with tf.Session() as sess:
            latest = tf.train.latest_checkpoint("run")
            print(latest)
            saver.restore(sess, latest)
            print(sess.run([step, loss]))
            sess.run(train)
            print(sess.run([step, loss]))
            print(sess.run(tf.global_variables()[0]))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
