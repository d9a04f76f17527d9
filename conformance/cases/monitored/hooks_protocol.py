# Hook protocol details: feeds from hooks, FinalOpsHook, OutOfRangeError ending the loop,
# run_step_fn, listeners, NanTensorHook, errors, Scaffold collections, ProfilerHook files.
import os
import tempfile

log = []


class Stopper(tf.train.SessionRunHook):
    """Raises OutOfRangeError (end of input) after three runs."""

    def __init__(self):
        self.n = 0

    def after_run(self, run_context, run_values):
        self.n += 1
        if self.n == 3:
            raise tf.errors.OutOfRangeError(None, None, "End of sequence")

    def end(self, session):
        log.append("stopper end")


x = tf.placeholder(tf.float32, [])
v = tf.Variable(0.0, name="v")
gs = tf.train.get_or_create_global_step()
update = tf.group(tf.assign_add(v, x), tf.assign_add(gs, 1))
feeds = iter([1.0, 2.0, 3.0, 4.0, 5.0])
final = tf.train.FinalOpsHook([v * 10, gs])
with tf.train.SingularMonitoredSession(
        hooks=[tf.train.FeedFnHook(lambda: {x: next(feeds)}), final, Stopper()]) as sess:
    print(type(sess.raw_session()).__name__)
    while not sess.should_stop():
        sess.run(update)
        log.append(float(sess.raw_session().run(v)))
print(log, final.final_ops_values)

# A feed given by the caller and by a hook conflicts.
tf.reset_default_graph()
x = tf.placeholder(tf.float32, [])
y = x * 2
with tf.train.SingularMonitoredSession(hooks=[tf.train.FeedFnHook(lambda: {x: 1.0})]) as sess:
    show_error(sess.run, y, feed_dict={x: 3.0})
    print(sess.run(y))

# run_step_fn and request_stop.
tf.reset_default_graph()
c = tf.Variable(0, name="c")
inc = tf.assign_add(c, 1)
steps = []


def step_fn(step_context):
    value = step_context.run_with_hooks(inc)
    steps.append(int(value))
    if value >= 3:
        step_context.request_stop()
    return value


with tf.train.MonitoredSession() as sess:
    while not sess.should_stop():
        sess.run_step_fn(step_fn)
print(steps)
show_error(tf.train.MonitoredSession().run_step_fn, lambda a, b: 0)

# StopAtStepHook(num_steps) counts from the step at session creation; run after stop fails.
tf.reset_default_graph()
gs = tf.train.get_or_create_global_step()
inc = tf.assign_add(gs, 1)
sess = tf.train.MonitoredSession(hooks=[tf.train.StopAtStepHook(num_steps=2)])
print(sess.run(inc), sess.should_stop(), sess.run(inc), sess.should_stop())
show_error(sess.run, inc)
sess.close()
show_error(sess.close)

# CheckpointSaverListener order; after_save returning True stops training.
tf.reset_default_graph()
ckpt_dir = tempfile.mkdtemp()
gs = tf.train.get_or_create_global_step()
inc = tf.assign_add(gs, 1)


class Listener(tf.train.CheckpointSaverListener):
    def begin(self):
        log.append("l.begin")

    def before_save(self, session, global_step_value):
        log.append(f"l.before_save {global_step_value}")

    def after_save(self, session, global_step_value):
        log.append(f"l.after_save {global_step_value}")
        return global_step_value >= 4

    def end(self, session, global_step_value):
        log.append(f"l.end {global_step_value}")


del log[:]
saver_hook = tf.train.CheckpointSaverHook(ckpt_dir, save_steps=2, listeners=[Listener()],
                                          saver=tf.train.Saver())
with tf.train.MonitoredSession(hooks=[saver_hook]) as sess:
    while not sess.should_stop():
        log.append(int(sess.run(inc)))
print(log)
print(sorted(f for f in os.listdir(ckpt_dir) if not f.startswith("events")))

# NanTensorHook: fail, or only stop.
tf.reset_default_graph()
gs = tf.train.get_or_create_global_step()
loss = tf.constant(np.nan)
sess = tf.train.MonitoredSession(hooks=[tf.train.NanTensorHook(loss)])
show_error(sess.run, loss)
sess = tf.train.MonitoredSession(hooks=[tf.train.NanTensorHook(loss, fail_on_nan_loss=False)])
print(sess.run(loss), sess.should_stop())
print(str(tf.train.NanLossDuringTrainingError()))

# Constructor errors.
tf.reset_default_graph()
show_error(tf.train.StopAtStepHook)
show_error(tf.train.StopAtStepHook, 1, 2)
show_error(tf.train.SecondOrStepTimer)
show_error(tf.train.SecondOrStepTimer, 1, 2)
show_error(tf.train.SummarySaverHook, save_steps=1)
show_error(tf.train.LoggingTensorHook, ["a"])
show_error(tf.train.LoggingTensorHook, ["a"], every_n_iter=0)
show_error(tf.train.StepCounterHook, every_n_steps=None)
show_error(tf.train.CheckpointSaverHook, "/tmp", save_steps=1, saver=1,
           scaffold=tf.train.Scaffold())
show_error(tf.train.SessionManager, ready_for_local_init_op=tf.constant(1))
tf.reset_default_graph()
show_error(tf.train.MonitoredSession, hooks=[tf.train.StopAtStepHook(last_step=1)])

# Timer semantics.
timer = tf.train.SecondOrStepTimer(every_steps=3)
print(timer.should_trigger_for_step(0), timer.update_last_triggered_step(0),
      timer.should_trigger_for_step(0), timer.should_trigger_for_step(2),
      timer.should_trigger_for_step(3), timer.last_triggered_step())

# Scaffold fills the standard collections and finalizes the graph.
tf.reset_default_graph()
v = tf.Variable(1.0, name="v")
loc = tf.Variable(2.0, name="loc", collections=[tf.GraphKeys.LOCAL_VARIABLES])
tf.summary.scalar("v", v)
scaffold = tf.train.Scaffold().finalize()
print(tf.get_default_graph().finalized, scaffold.init_fn, scaffold.init_feed_dict)
print(type(scaffold.saver).__name__, scaffold.summary_op.name, scaffold.ready_op.dtype)
for key in [tf.GraphKeys.INIT_OP, tf.GraphKeys.READY_OP, tf.GraphKeys.READY_FOR_LOCAL_INIT_OP,
            tf.GraphKeys.LOCAL_INIT_OP, tf.GraphKeys.SUMMARY_OP, tf.GraphKeys.SAVERS]:
    print(key, len(tf.get_collection(key)))
sm = tf.train.SessionManager(ready_op=scaffold.ready_op,
                             local_init_op=scaffold.local_init_op,
                             ready_for_local_init_op=scaffold.ready_for_local_init_op)
sess, restored = sm.recover_session("", saver=scaffold.saver, checkpoint_dir=tempfile.mkdtemp())
print(restored)
sess = sm.prepare_session("", init_op=scaffold.init_op)
print(sess.run([v, loc]))
show_error(sm.prepare_session, "")
show_error(sm.wait_for_session, "", max_wait_secs=0)
show_error_contains(lambda: sm.prepare_session("", init_fn=lambda s: None),
                    "Init operations did not make model ready for local_init")
tf.get_default_graph()._unsafe_unfinalize()

# ProfilerHook writes timeline-<step>.json files.
tf.reset_default_graph()
prof_dir = tempfile.mkdtemp()
gs = tf.train.get_or_create_global_step()
inc = tf.assign_add(gs, 1)
with tf.train.MonitoredSession(hooks=[tf.train.ProfilerHook(save_steps=2,
                                                            output_dir=prof_dir)]) as sess:
    for _ in range(6):
        sess.run(inc)
print(sorted("events.out.tfevents.*" if f.startswith("events.out") else f
             for f in os.listdir(prof_dir)))
