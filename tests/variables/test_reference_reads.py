"""TF1 reference-variable reads: ``x/read`` aliases the variable's buffer, so a consumer sees
the value at the time it runs (values recorded from TF 2.21 in conformance/cases/refvars)."""

import tfcompat as tf


def test_control_dependency_read_sees_the_update():
    x = tf.Variable(0.0, name="x")
    inc = tf.assign_add(x, 1.0)
    with tf.control_dependencies([inc]):
        y = x + 100.0
    with tf.Session() as sess:
        sess.run(x.initializer)
        assert [sess.run(y) for _ in range(3)] == [101.0, 102.0, 103.0]


def test_identity_of_a_variable_is_read_when_its_consumer_runs():
    x = tf.Variable(1.0, name="x")
    y = tf.Variable(20.0, name="y")
    inc_x = tf.assign_add(x, 1.0)
    dbl_y = tf.assign(y, y * 2)
    with tf.control_dependencies([inc_x]):
        with tf.control_dependencies([dbl_y]):
            z = tf.identity(y)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert (sess.run(z), sess.run(z)) == (40.0, 80.0)


def test_uninitialized_read_names_the_snapshot_op():
    # TF: FailedPreconditionError at node v/read, whoever consumes it.
    v = tf.Variable(1.0, name="v")
    consumer = tf.add(v, 1.0, name="consumer")
    with tf.Session() as sess:
        for fetch in (consumer, tf.identity(v), v.value()):
            try:
                sess.run(fetch)
            except tf.errors.FailedPreconditionError as e:
                assert e.op.name == "v/read"
                assert "Attempting to use uninitialized value v" in e.message
            else:
                raise AssertionError("read an uninitialized variable")


def test_a_fed_snapshot_is_not_read_from_the_variable():
    v = tf.Variable(1.0, name="v")
    doubled = v.value() * 2.0
    with tf.Session() as sess:
        assert sess.run(doubled, {v.value(): 5.0}) == 10.0
        sess.run(v.initializer)
        assert sess.run(doubled) == 2.0


def test_reads_in_cond_branches_happen_when_their_consumer_runs():
    # TF (conformance refvars/read_in_cond_branch): 11.0 in both branches.
    v = tf.Variable(1.0, name="v")
    pred = tf.placeholder(tf.bool, [])

    def taken():
        with tf.control_dependencies([tf.assign_add(v, 10.0)]):
            return v + 0.0
    out = tf.cond(pred, taken, lambda: v * 1.0)
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert (sess.run(out, {pred: True}), sess.run(out, {pred: False})) == (11.0, 11.0)


def test_loop_invariant_variable_is_read_each_iteration():
    # TF with parallel_iterations=1 (conformance refvars/read_in_loop_body): 1 + 2 + 3.
    acc = tf.Variable(0.0, name="acc")
    limit = tf.Variable(3, name="limit")

    def body(i, total):
        with tf.control_dependencies([tf.assign_add(acc, 1.0)]):
            return i + 1, total + acc * 1.0
    loop = tf.while_loop(lambda i, total: i < limit, body, [tf.constant(0), tf.constant(0.0)],
                         parallel_iterations=1)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert [float(x) for x in sess.run(loop)] == [3.0, 6.0]
        assert [float(x) for x in sess.run(loop)] == [3.0, 15.0]  # 4 + 5 + 6
