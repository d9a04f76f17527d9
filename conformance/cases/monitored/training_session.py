# MonitoredTrainingSession with hooks and a decaying learning rate: hook call order, values,
# files in checkpoint_dir, checkpoint contents, summaries, and recovery on restart.
import os
import tempfile

ckpt_dir = tempfile.mkdtemp()
calls = []


class Recorder(tf.train.SessionRunHook):
    def __init__(self, loss):
        self._loss = loss

    def begin(self):
        calls.append("begin")

    def after_create_session(self, session, coord):
        calls.append(f"after_create_session {type(coord).__name__}")

    def before_run(self, run_context):
        calls.append(f"before_run {run_context.original_args.fetches}")
        return tf.train.SessionRunArgs({"loss": self._loss})

    def after_run(self, run_context, run_values):
        calls.append(f"after_run {run_values.results['loss']:.4f}")

    def end(self, session):
        calls.append(f"end {session.run(tf.train.get_global_step())}")


def build():
    tf.set_random_seed(1)
    x = tf.constant(np.linspace(-1, 1, 8).reshape(8, 1), tf.float32)
    y = 3.0 * x + 0.5
    w = tf.get_variable("w", [1, 1], initializer=tf.zeros_initializer())
    b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    gs = tf.train.get_or_create_global_step()
    lr = tf.train.exponential_decay(0.5, gs, 4, 0.7, staircase=True)
    tf.summary.scalar("loss", loss)
    tf.summary.scalar("lr", lr)
    train = tf.train.GradientDescentOptimizer(lr).minimize(loss, global_step=gs)
    return loss, lr, train


def train_until(last_step):
    tf.reset_default_graph()
    loss, lr, train = build()
    hooks = [tf.train.StopAtStepHook(last_step=last_step), tf.train.NanTensorHook(loss),
             Recorder(loss)]
    out = []
    with tf.train.MonitoredTrainingSession(checkpoint_dir=ckpt_dir, hooks=hooks,
                                           save_checkpoint_steps=5,
                                           save_summaries_steps=3) as sess:
        print(type(sess).__name__, tf.get_default_graph().finalized)
        while not sess.should_stop():
            _, l, r = sess.run([train, loss, lr])
            out.append((round(float(l), 4), round(float(r), 4)))
    print(out)
    print(tf.get_default_graph().finalized)


def files():
    names = []
    for name in sorted(os.listdir(ckpt_dir)):
        names.append("events.out.tfevents.*" if name.startswith("events.out") else name)
    return names


train_until(7)
print(calls)
print(files())
print(open(os.path.join(ckpt_dir, "checkpoint")).read().replace(ckpt_dir, "DIR"))
latest = tf.train.latest_checkpoint(ckpt_dir)
print(os.path.basename(latest), tf.train.list_variables(latest))
print(np.round(tf.train.load_variable(latest, "w"), 4))
del calls[:]
train_until(12)
print(calls[:3], calls[-2:])
print(files())
events = []
for name in sorted(os.listdir(ckpt_dir)):
    if name.startswith("events.out"):
        for e in tf.train.summary_iterator(os.path.join(ckpt_dir, name)):
            what = e.WhichOneof("what")
            if what == "summary":
                events.append((e.step, sorted((v.tag, round(v.simple_value, 3)) for v in
                                             e.summary.value if v.tag != "global_step/sec")))
            elif what == "session_log":
                events.append((e.step, "session_log", e.session_log.status))
            elif what != "file_version":
                events.append((e.step, what))
print(events)
