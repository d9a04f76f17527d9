# Assertions checked when run: InvalidArgumentError "assertion failed: [...]" as TF's kernel.
x = tf.placeholder(tf.float32, None, name="x")
i = tf.placeholder(tf.int32, None, name="i")
sess = tf.Session()


def run_error(fetch, feed=None):
    try:
        sess.run(fetch, feed)
        print("no error")
    except tf.errors.OpError as e:
        lines = e.message.split("\n")
        node_line = next(k for k, line in enumerate(lines) if line.startswith("\t [["))
        print(type(e).__name__, "|", lines[node_line - 1], "|", lines[node_line])


a = tf.Assert(i > 0, [i, "msg"], name="A")
print(a.name, a.type, [t.name for t in a.inputs])
run_error(a, {i: 3})
run_error(a, {i: -3})
b = tf.Assert(x > 0, [x], summarize=2)
print(b.name, b.type)
run_error(b, {x: 1.})
run_error(b, {x: -1.})
values = [tf.constant([[1.25, 2], [3, 4]]), tf.constant(["a", "b"]), tf.constant([True, False]),
          tf.constant(0.1), tf.constant(1e-8), tf.constant(1e10), tf.constant(np.float64(1 / 3)),
          tf.constant(np.float32(1 / 3)), tf.constant(-2.5e-7)]
run_error(tf.Assert(False, values, summarize=10))
run_error(tf.Assert(False, [tf.constant(np.arange(12).reshape(3, 4))], summarize=-1))
run_error(tf.Assert(False, [tf.constant(np.arange(24).reshape(2, 3, 4))]))
run_error(tf.Assert(False, [tf.constant(np.arange(24).reshape(2, 3, 4))], summarize=4))
run_error(tf.Assert(False, [tf.constant(np.arange(6).reshape(2, 3))]))
run_error(tf.Assert(False, [tf.constant(np.arange(8).reshape(2, 2, 2))], summarize=5))
run_error(tf.Assert(False, [tf.constant(np.zeros((0,)))]))
run_error(tf.Assert(False, [tf.constant(np.zeros((2, 0)))]))
for fn in [tf.assert_equal, tf.assert_less, tf.assert_near, tf.assert_none_equal,
           tf.assert_greater, tf.assert_less_equal, tf.assert_greater_equal]:
    run_error(fn(x, tf.constant(2.0), message="mm"), {x: [1., 2., 3., 4.]})
for fn in [tf.assert_negative, tf.assert_positive, tf.assert_non_negative, tf.assert_non_positive]:
    run_error(fn(x, message="mm"), {x: [1., -2., 0]})
    run_error(fn(x), {x: [1., -2., 0]})
run_error(tf.assert_equal(x, 1.0), {x: [1., 1.]})
run_error(tf.assert_rank(x, 2), {x: [1., 2]})
run_error(tf.assert_rank(x, 1), {x: [1., 2]})
run_error(tf.assert_rank_at_least(x, 2), {x: [1., 2]})
run_error(tf.assert_rank_in(x, [0, 2]), {x: [1., 2]})
run_error(tf.assert_rank_in(x, [0, 2, 3], message="mm"), {x: [1., 2]})
run_error(tf.assert_near(tf.constant([1., 2]), tf.constant([1., 2.1])))
run_error(tf.assert_near(tf.constant([1., 2]), tf.constant([1., 2.1]), atol=0.2))
c = tf.check_numerics(x, "bad x")
print(c)
run_error(c, {x: [1., np.nan]})
run_error(c, {x: [1., np.inf]})
run_error(c, {x: [np.inf, np.nan]})
print(sess.run(c, {x: [1., 2.]}))
v = tf.verify_tensor_all_finite(x, "vv")
print(v, v.op.control_inputs[0].name)
run_error(v, {x: [np.nan]})
v = tf.debugging.assert_all_finite(x, "ww")
print(v)
print(sess.run([tf.is_non_decreasing(tf.constant([1, 2, 2])),
                tf.is_strictly_increasing(tf.constant([1, 2, 2])),
                tf.is_strictly_increasing(tf.constant([[1., 2], [3, 4]])),
                tf.is_non_decreasing(tf.constant([3]))]))
