"""Queues, Coordinator and QueueRunner: ordering, blocking across threads, closing, cancelling.

Expected texts are TF 2.21's (recorded with the oracle; see conformance/cases/queues).
"""

import threading
import time

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _run_in_thread(fn):
    box = {}

    def target():
        try:
            box["value"] = fn()
        except Exception as e:  # noqa: BLE001 - handed to the test thread
            box["error"] = e
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, box


def test_fifo_order_names_and_shapes():
    q = tf.FIFOQueue(3, [tf.float32, tf.int32], shapes=[[2], []])
    assert q.name == "fifo_queue" and q.queue_ref.op.type == "FIFOQueueV2"
    assert q.enqueue([[1.0, 2.0], 3]).name == "fifo_queue_enqueue"
    many = q.dequeue_many(2)
    assert [t.shape.as_list() for t in many] == [[2, 2], [2]]
    assert [t.shape.as_list() for t in q.dequeue_up_to(2)] == [[None, 2], [None]]
    with tf.Session() as sess:
        sess.run(q.enqueue_many([[[1.0, 2.0], [3.0, 4.0]], [5, 6]]))
        x, y = sess.run(many)
        np.testing.assert_array_equal(x, [[1, 2], [3, 4]])
        np.testing.assert_array_equal(y, [5, 6])
        assert sess.run(q.size()) == 0


def test_closed_queue_errors():
    q = tf.FIFOQueue(3, tf.int32, shapes=[[]])
    dequeue = q.dequeue()
    with tf.Session() as sess:
        sess.run(q.enqueue(1))
        sess.run(q.close())
        assert sess.run(q.is_closed())
        assert sess.run(dequeue) == 1
        with pytest.raises(tf.errors.OutOfRangeError, match="FIFOQueue '_0_fifo_queue' is "
                           r"closed and has insufficient elements \(requested 1, current size "
                           r"0\)"):
            sess.run(dequeue)
        with pytest.raises(tf.errors.CancelledError, match="FIFOQueue '_0_fifo_queue' is "
                           "closed."):
            sess.run(q.enqueue(2))


def test_dequeue_up_to_returns_the_rest_once_closed():
    q = tf.FIFOQueue(10, tf.int32, shapes=[[]])
    with tf.Session() as sess:
        sess.run(q.enqueue_many([[1, 2, 3]]))
        sess.run(q.close())
        np.testing.assert_array_equal(sess.run(q.dequeue_up_to(2)), [1, 2])
        np.testing.assert_array_equal(sess.run(q.dequeue_up_to(2)), [3])
        with pytest.raises(tf.errors.OutOfRangeError):
            sess.run(q.dequeue_up_to(2))


def test_blocking_dequeue_wakes_on_enqueue_and_on_close():
    q = tf.FIFOQueue(10, tf.int32, shapes=[[]])
    dequeue = q.dequeue()
    sess = tf.Session()
    thread, box = _run_in_thread(lambda: sess.run(dequeue))
    time.sleep(0.05)
    assert thread.is_alive()
    sess.run(q.enqueue(7))
    thread.join(5)
    assert box["value"] == 7
    thread, box = _run_in_thread(lambda: sess.run(dequeue))
    time.sleep(0.05)
    sess.run(q.close())
    thread.join(5)
    assert isinstance(box["error"], tf.errors.OutOfRangeError)
    sess.close()


def test_blocking_enqueue_cancelled_by_close_and_session_close():
    q = tf.FIFOQueue(1, tf.int32, shapes=[[]])
    sess = tf.Session()
    sess.run(q.enqueue(1))
    enqueue = q.enqueue(2)
    thread, box = _run_in_thread(lambda: sess.run(enqueue))
    time.sleep(0.05)
    sess.run(q.close(cancel_pending_enqueues=True))
    thread.join(5)
    assert isinstance(box["error"], tf.errors.CancelledError)
    assert "Enqueue operation was cancelled" in box["error"].message
    q2 = tf.FIFOQueue(1, tf.int32, shapes=[[]])
    dequeue = q2.dequeue()
    thread, box = _run_in_thread(lambda: sess.run(dequeue))
    time.sleep(0.05)
    sess.close()
    thread.join(5)
    assert not thread.is_alive()
    assert isinstance(box["error"], tf.errors.CancelledError)


def test_padding_priority_and_shuffle_queues():
    p = tf.PaddingFIFOQueue(5, [tf.int32], shapes=[[None]])
    pq = tf.PriorityQueue(10, [tf.string], shapes=[[]])
    r = tf.RandomShuffleQueue(10, 2, [tf.int32], shapes=[[]], seed=3)
    with tf.Session() as sess:
        sess.run(p.enqueue_many([[[1, 2], [3, 4]]]))
        sess.run(p.enqueue([[5]]))
        np.testing.assert_array_equal(sess.run(p.dequeue_many(3)), [[1, 2], [3, 4], [5, 0]])
        sess.run(pq.enqueue_many([[5, 1, 3], [b"a", b"b", b"c"]]))
        prio, vals = sess.run(pq.dequeue_many(3))
        assert prio.tolist() == [1, 3, 5] and vals.tolist() == [b"b", b"c", b"a"]
        sess.run(r.enqueue_many([list(range(10))]))
        got = [sess.run(r.dequeue()) for _ in range(8)]
        assert len(set(got)) == 8 and sess.run(r.size()) == 2


def test_enqueue_shape_checked_at_build_time():
    q = tf.FIFOQueue(3, [tf.float32], shapes=[[2]])
    with pytest.raises(ValueError, match=r"Shapes \(3,\) and \(2,\) are incompatible"):
        q.enqueue([[1.0, 2.0, 3.0]])


def test_coordinator_reraises_reported_exception_and_ignores_clean_stop():
    coord = tf.train.Coordinator()

    def worker():
        with coord.stop_on_exception():
            raise ValueError("boom")
    thread = threading.Thread(target=worker)
    coord.register_thread(thread)
    thread.start()
    with pytest.raises(ValueError, match="boom"):
        coord.join(stop_grace_period_secs=1)
    clean = tf.train.Coordinator()
    clean.request_stop(tf.errors.OutOfRangeError(None, None, "done"))
    assert clean.should_stop()
    clean.join([])


def test_coordinator_reports_stragglers():
    coord = tf.train.Coordinator()
    release = threading.Event()
    thread = threading.Thread(target=release.wait, name="straggler", daemon=True)
    thread.start()
    coord.request_stop()
    with pytest.raises(RuntimeError, match="Coordinator stopped with threads still running: "
                       "straggler"):
        coord.join([thread], stop_grace_period_secs=0.05)
    release.set()


def test_looper_thread_runs_until_stop():
    coord = tf.train.Coordinator()
    calls = []
    looper = tf.train.LooperThread.loop(coord, 0.01, calls.append, args=(1,))
    time.sleep(0.1)
    coord.request_stop()
    coord.join([looper], stop_grace_period_secs=2)
    assert calls and not looper.is_alive()


def test_queue_runner_fills_queue_and_closes_it_at_end_of_input():
    source = tf.train.limit_epochs(tf.constant([1, 2, 3]), num_epochs=2)
    q = tf.FIFOQueue(4, tf.int32, shapes=[[]])
    qr = tf.train.QueueRunner(q, [q.enqueue_many([source])] * 2)
    tf.train.add_queue_runner(qr)
    dequeue = q.dequeue()
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess, coord)
        assert len(threads) == 3
        got = []
        with pytest.raises(tf.errors.OutOfRangeError):
            while True:
                got.append(int(sess.run(dequeue)))
        coord.request_stop()
        coord.join(threads, stop_grace_period_secs=5)
    assert sorted(got) == [1, 1, 2, 2, 3, 3]
    assert not any(t.is_alive() for t in threads)


def test_session_close_stops_runners_blocked_on_full_queue():
    q = tf.FIFOQueue(2, tf.int32, shapes=[[]])
    tf.train.add_queue_runner(tf.train.QueueRunner(q, [q.enqueue(1)]))
    sess = tf.Session()
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess, coord)
    time.sleep(0.05)
    sess.close()
    coord.request_stop()
    for thread in threads:
        thread.join(5)
        assert not thread.is_alive()


def test_start_queue_runners_needs_a_session():
    with pytest.raises(ValueError, match="Cannot start queue runners: No default session"):
        tf.train.start_queue_runners()


def test_interpreter_exits_with_queue_runners_still_blocked(tmp_path):
    # Queue runner threads are daemons (start_queue_runners' default): a program that never
    # stops them must still exit.
    import os
    import subprocess
    import sys
    script = tmp_path / "leave_runners.py"
    script.write_text(
        "import tfcompat as tf\n"
        "q = tf.FIFOQueue(2, tf.int32, shapes=[[]])\n"
        "tf.train.add_queue_runner(tf.train.QueueRunner(q, [q.enqueue(1)]))\n"
        "sess = tf.Session()\n"
        "tf.train.start_queue_runners(sess)\n"
        "print(sess.run(q.dequeue()))\n")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": root})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_cancelled_enqueue_does_not_undo_other_threads_updates():
    # The blocked enqueue run writes a variable (CountUpTo of limit_epochs); when it fails,
    # only that variable is put back: the concurrent assign of `w` survives.
    q = tf.FIFOQueue(1, tf.int32, shapes=[[]])
    enqueue = q.enqueue(tf.train.limit_epochs(tf.constant(1), num_epochs=5))
    w = tf.Variable(0.0)
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        sess.run(enqueue)  # the queue is now full
        thread, box = _run_in_thread(lambda: sess.run(enqueue))
        time.sleep(0.05)
        sess.run(w.assign(7.0))
        sess.run(q.close(cancel_pending_enqueues=True))
        thread.join(5)
        assert isinstance(box["error"], tf.errors.CancelledError)
        assert sess.run(w) == 7.0
