# tf.train.Supervisor: defaults from collections, managed_session initialize/restore, files in
# logdir, OutOfRangeError ending the block cleanly, other errors re-raised, basic_train_loop.
import os
import tempfile

logdir = tempfile.mkdtemp()


def build():
    w = tf.Variable([1.0, 2.0], name="w")
    gs = tf.train.get_or_create_global_step()
    loss = tf.reduce_sum(tf.square(w))
    tf.summary.scalar("loss", loss)
    train = tf.train.GradientDescentOptimizer(0.25).minimize(loss, global_step=gs)
    return w, gs, train


w, gs, train = build()
sv = tf.train.Supervisor(logdir=logdir, save_summaries_secs=0, save_model_secs=0)
print(sv.is_chief, sv.global_step, sv.init_op.name, sv.ready_op.dtype, sv.summary_op.name)
print(sv.save_path.replace(logdir, "DIR"), type(sv.saver).__name__, type(sv.coord).__name__)
print(tf.get_default_graph().finalized, sv.ready_for_local_init_op)
with sv.managed_session() as sess:
    for _ in range(3):
        sess.run(train)
    print(sess.run([w, gs]), sv.should_stop())
    sv.saver.save(sess, sv.save_path, global_step=gs)
    raise tf.errors.OutOfRangeError(None, None, "input exhausted")
print(sv.should_stop())
print(sorted("events" if f.startswith("events") else f for f in os.listdir(logdir)))

tf.reset_default_graph()
w, gs, train = build()
sv = tf.train.Supervisor(logdir=logdir, save_summaries_secs=0, save_model_secs=0)
with sv.managed_session() as sess:
    print(sess.run([w, gs]))
show_error(lambda: [None for _ in sv.managed_session()])


def failing():
    with sv.managed_session():
        raise ValueError("boom")


show_error(failing)

tf.reset_default_graph()
w, gs, train = build()
sv = tf.train.Supervisor(logdir=None)
steps = []


def step(sess, limit):
    steps.append(int(sess.run(train) is None and sess.run(gs)))
    if steps[-1] >= limit:
        sv.request_stop()


tf.train.basic_train_loop(sv, step, args=[4])
print(steps)
tf.reset_default_graph()
v = tf.Variable(1.0)
show_error(tf.train.Supervisor, is_chief=False)
