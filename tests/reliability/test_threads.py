"""Sessions shared by threads (TF's behaviour measured with TF 2.21 on the same programs):
8 threads x 2,000 ``assign_add`` on one session end at exactly 16,000 in TF, with any switch
interval; a run failing in one thread costs the others nothing; graph construction may go on
while other threads run."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest

import tfcompat as tf


def _in_threads(count: int, work, *args) -> None:
    errors: list[BaseException] = []

    def guarded(index):
        try:
            work(index, *args)
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)
    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


@pytest.fixture
def fast_switching():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def _count_in_threads(shape, dtype, threads, runs, use_locking=None):
    c = tf.Variable(tf.zeros(shape, dtype), name="c")
    inc = tf.assign_add(c, tf.ones(shape, dtype), use_locking=use_locking)
    sess = tf.Session()
    sess.run(c.initializer)

    def work(_):
        for _ in range(runs):
            sess.run(inc.op)
    _in_threads(threads, work)
    return sess.run(c)


@pytest.mark.parametrize("use_locking", [None, True, False])
def test_scalar_counter_loses_no_update(use_locking):
    assert _count_in_threads([], tf.float32, 8, 2000, use_locking) == 16000


def test_scalar_counter_with_fast_thread_switches(fast_switching):
    assert _count_in_threads([], tf.int32, 8, 2000) == 16000


def test_large_int64_counter_loses_no_update(fast_switching):
    # numpy releases the GIL inside the add: the read-modify-write must hold the variable's
    # lock (TF loses none with use_locking=True; tfcompat loses none either way).
    value = _count_in_threads([100000], tf.int64, 8, 200)
    np.testing.assert_array_equal(value, np.full([100000], 1600, np.int64))


def test_assign_sub_and_count_up_to_in_threads(fast_switching):
    v = tf.Variable(0, name="v")
    dec = tf.assign_sub(v, 1)
    counter = tf.Variable(0, name="counter")
    count = tf.count_up_to(counter, 10 ** 9)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    seen: list[list[int]] = [[] for _ in range(4)]

    def work(i):
        for _ in range(500):
            sess.run(dec.op)
            seen[i].append(int(sess.run(count)))
    _in_threads(4, work)
    assert sess.run(v) == -2000
    assert sess.run(counter) == 2000
    # CountUpTo hands each value out once, as TF's does.
    assert sorted(x for s in seen for x in s) == list(range(2000))


def test_hogwild_training_loses_no_step(fast_switching):
    # A constant gradient: each step moves w by exactly -lr; global_step counts every step.
    w = tf.Variable(np.zeros([64], np.float64), name="w")
    step = tf.train.get_or_create_global_step()
    loss = tf.reduce_sum(w * tf.constant(np.ones([64]), tf.float64))
    train = tf.train.GradientDescentOptimizer(0.5).minimize(loss, global_step=step)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())

    def work(_):
        for _ in range(300):
            sess.run(train)
    _in_threads(6, work)
    assert sess.run(step) == 1800
    np.testing.assert_array_equal(sess.run(w), np.full([64], -900.0))


def test_momentum_slots_update_with_their_variable(fast_switching):
    w = tf.Variable(np.zeros([8], np.float64), name="w")
    loss = tf.reduce_sum(w)
    train = tf.train.MomentumOptimizer(1.0, 0.0).minimize(loss)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())

    def work(_):
        for _ in range(250):
            sess.run(train)
    _in_threads(4, work)
    np.testing.assert_array_equal(sess.run(w), np.full([8], -1000.0))


def test_failing_runs_cost_other_threads_nothing(fast_switching):
    # TF: the counter is exact, and `other` counts every attempt (the update before the
    # error stays: a failed run is not rolled back).
    counter = tf.Variable(0, name="counter")
    inc = tf.assign_add(counter, 1)
    other = tf.Variable(0, name="other")
    bump = tf.assign_add(other, 1)
    with tf.control_dependencies([bump]):
        bad = tf.reshape(tf.constant([1.0, 2.0, 3.0]), tf.placeholder_with_default([2], [1]))
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    failures = []

    def work(i):
        for _ in range(1000):
            if i == 0:
                try:
                    sess.run(bad)
                except tf.errors.InvalidArgumentError:
                    failures.append(1)
            else:
                sess.run(inc.op)
    _in_threads(3, work)
    assert len(failures) == 1000
    assert sess.run(counter) == 2000
    assert sess.run(other) == 1000


def test_updates_before_an_error_stay():
    # TF keeps v1 = 1 and v2 = 5 after the failing run.
    v1 = tf.Variable(0.0, name="v1")
    v2 = tf.Variable(0.0, name="v2")
    with tf.control_dependencies([tf.assign(v1, 1.0), tf.assign_add(v2, 5.0)]):
        bad = tf.reshape(tf.constant([1.0, 2.0, 3.0]), tf.placeholder_with_default([2], [1]))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(bad)
        assert sess.run([v1, v2]) == [1.0, 5.0]


def test_plan_compiled_once_under_a_race(fast_switching):
    x = tf.Variable(1.0, name="x")
    y = x * 2.0 + 1.0
    sess = tf.Session()
    sess.run(x.initializer)
    barrier = threading.Barrier(8)
    results = []

    def work(_):
        barrier.wait()
        results.append(float(sess.run(y)))
    _in_threads(8, work)
    assert results == [3.0] * 8
    assert len([k for k in sess._plans if k[0][0] == (id(y),)]) == 1


def test_graph_construction_during_runs(fast_switching):
    c = tf.Variable(0, name="c")
    inc = tf.assign_add(c, 1)
    sess = tf.Session()
    sess.run(c.initializer)
    graph = tf.get_default_graph()
    built = []

    def work(i):
        if i == 0:
            with graph.as_default():
                for k in range(300):
                    t = tf.constant(float(k)) * 2.0 + 1.0
                    built.append((k, t))
        else:
            for _ in range(1000):
                sess.run(inc.op)
    _in_threads(4, work)
    assert sess.run(c) == 3000
    for k, t in built[::50]:
        assert sess.run(t) == 2.0 * k + 1.0


def test_sessions_on_one_graph_stay_independent_across_threads():
    c = tf.Variable(0, name="c")
    inc = tf.assign_add(c, 1)
    sessions = [tf.Session() for _ in range(4)]
    for s in sessions:
        s.run(c.initializer)

    def work(i):
        for _ in range(200 * (i + 1)):
            sessions[i].run(inc.op)
    _in_threads(4, work)
    assert [s.run(c) for s in sessions] == [200, 400, 600, 800]


def test_random_op_runs_in_threads_draw_disjoint_samples(fast_switching):
    # TF reserves each run's Philox counters under a lock: concurrent runs never repeat.
    r = tf.random_uniform([4], seed=1, name="r")
    sess = tf.Session()
    draws = []

    def work(_):
        for _ in range(200):
            draws.append(tuple(sess.run(r)))
    _in_threads(6, work)
    assert len(set(draws)) == 1200
    # The union is the sequence one thread would draw: the same 1,200 samples.
    serial = tf.Session()
    assert set(draws) == {tuple(serial.run(r)) for _ in range(1200)}


def test_scatter_add_in_threads_loses_no_row_update(fast_switching):
    c = tf.Variable(np.zeros([4, 3], np.float64), name="rows")
    inc = tf.scatter_add(c, [0, 2, 2], np.ones([3, 3]))
    sess = tf.Session()
    sess.run(c.initializer)

    def work(_):
        for _ in range(500):
            sess.run(inc.op)
    _in_threads(4, work)
    np.testing.assert_array_equal(sess.run(c)[:, 0], [2000.0, 0.0, 4000.0, 0.0])


def test_sparse_optimizer_updates_in_threads_lose_no_step(fast_switching):
    # embedding_lookup's gradient is IndexedSlices: the optimizer applies SparseApplyMomentum.
    table = tf.Variable(np.zeros([5, 2], np.float64), name="table")
    loss = tf.reduce_sum(tf.nn.embedding_lookup(table, [1, 3]))
    train = tf.train.MomentumOptimizer(1.0, 0.0).minimize(loss)
    assert "SparseApplyMomentum" in {op.type for op in tf.get_default_graph().get_operations()}
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())

    def work(_):
        for _ in range(250):
            sess.run(train)
    _in_threads(4, work)
    np.testing.assert_array_equal(sess.run(table)[:, 0], [0.0, -1000.0, 0.0, -1000.0, 0.0])
