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
