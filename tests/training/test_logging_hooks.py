"""LoggingTensorHook / StepCounterHook output (TF logs through tf.logging; the recorded cases
cannot compare log lines)."""

import logging
import os

import tfcompat as tf


def _run_steps(hooks, steps, tmp_path=None):
    with tf.Graph().as_default():
        gs = tf.train.get_or_create_global_step()
        inc = tf.assign_add(gs, 1)
        value = tf.cast(gs, tf.float32) * 0.5
        with tf.train.MonitoredSession(hooks=hooks(value)) as sess:
            for _ in range(steps):
                sess.run(inc)


def test_logging_tensor_hook_every_n_iter_and_at_end(caplog):
    caplog.set_level(logging.INFO, logger="tensorflow")
    _run_steps(lambda v: [tf.train.LoggingTensorHook({"half": v}, every_n_iter=2,
                                                     at_end=True)], 5)
    lines = [r.getMessage() for r in caplog.records if "half =" in r.getMessage()]
    # Iterations 0, 2, 4 (values fetched with the increment), then at the end.
    assert [line.split(" (")[0] for line in lines] == [
        "half = 0.5", "half = 1.5", "half = 2.5", "half = 2.5"]
    assert lines[1].endswith(" sec)")


def test_logging_tensor_hook_by_name_and_formatter(caplog):
    caplog.set_level(logging.INFO, logger="tensorflow")
    _run_steps(lambda v: [tf.train.LoggingTensorHook(
        [v.name], every_n_iter=1, formatter=lambda values: f"custom {sorted(values)}")], 1)
    assert "custom ['mul:0']" in [r.getMessage() for r in caplog.records]


def test_step_counter_hook_writes_steps_per_second(tmp_path):
    _run_steps(lambda v: [tf.train.StepCounterHook(every_n_steps=2,
                                                   output_dir=str(tmp_path))], 6)
    tf.summary.FileWriterCache.get(str(tmp_path)).flush()
    events = [f for f in os.listdir(tmp_path) if f.startswith("events")]
    tags = {(e.step, v.tag) for e in tf.train.summary_iterator(str(tmp_path / events[0]))
            if e.WhichOneof("what") == "summary" for v in e.summary.value}
    assert {step for step, tag in tags if tag == "global_step/sec"} == {3, 5}
