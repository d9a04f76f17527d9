# The ops each assertion builds, and what tf.add_check_numerics_ops adds.
x = tf.placeholder(tf.float32, None, name="x")
i = tf.placeholder(tf.int32, [None], name="i")
graph = tf.get_default_graph()


def build(fn):
    start = len(graph.get_operations())
    fn()
    for op in graph.get_operations()[start:]:
        print(" ", op.name, op.type, [t.name for t in op.inputs],
              [c.name for c in op.control_inputs])


build(lambda: tf.assert_equal(x, 1.0))
build(lambda: tf.assert_equal(i, 1))
build(lambda: tf.assert_negative(x))
build(lambda: tf.assert_non_positive(i, message="m"))
build(lambda: tf.assert_rank(x, 2))
build(lambda: tf.assert_rank_at_least(x, 1))
build(lambda: tf.assert_rank_in(x, [1, 2]))
build(lambda: tf.assert_near(x, 1.0))
build(lambda: tf.Assert(i[0] > 0, [i, "msg"], name="A"))
build(lambda: tf.check_numerics(x, "bad x"))
build(lambda: tf.verify_tensor_all_finite(x, "vv"))
with tf.Graph().as_default():
    y = tf.placeholder(tf.float32, [2])
    z = tf.sqrt(y) * 2
    checks = tf.add_check_numerics_ops()
    print(checks.name, [c.name for c in checks.control_inputs])
    for op in tf.get_default_graph().get_operations():
        if op.type == "CheckNumerics":
            print(" ", op.name, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
                  op.get_attr("message"))
    with tf.Session() as s:
        try:
            s.run(checks, {y: [1., -1.]})
        except tf.errors.InvalidArgumentError as e:
            lines = e.message.split("\n")
            print(next(line for line in lines if "Tensor had" in line))
        print(s.run(z, {y: [1., 4.]}))
    with tf.Graph().as_default():
        p = tf.placeholder(tf.float32)
        tf.cond(p > 0, lambda: p, lambda: -p)
        show_error(tf.add_check_numerics_ops)
