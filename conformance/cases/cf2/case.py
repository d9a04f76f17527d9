# tf.case: a chain of conds; exclusive and default-less forms add Asserts.
i = tf.placeholder(tf.int32, [], name="i")
graph = tf.get_default_graph()
sess = tf.Session()


def build(fn):
    start = len(graph.get_operations())
    result = fn()
    for op in graph.get_operations()[start:]:
        print(" ", op.name, op.type, [t.name for t in op.inputs],
              [c.name for c in op.control_inputs])
    print(result)
    return result


def run_error(fetch, feed):
    try:
        print(sess.run(fetch, feed))
    except tf.errors.OpError as e:
        lines = e.message.split("\n")
        node_line = next(k for k, line in enumerate(lines) if line.startswith("\t [["))
        print(type(e).__name__, "|", lines[node_line - 1], "|", lines[node_line])


pos = i > 0
neg = i < 0
r = build(lambda: tf.case([(neg, lambda: tf.constant(-1)), (pos, lambda: tf.constant(1))],
                          default=lambda: tf.constant(0)))
print([sess.run(r, {i: v}) for v in (-2, 0, 3)])
r = build(lambda: tf.case([(neg, lambda: tf.constant(-1)), (pos, lambda: tf.constant(1))],
                          default=lambda: tf.constant(0), exclusive=True))
print([sess.run(r, {i: v}) for v in (-2, 0, 3)])
r = build(lambda: tf.case([(pos, lambda: tf.constant(-1)), (neg, lambda: tf.constant(1))]))
for v in (-2, 0, 3):
    run_error(r, {i: v})
r = build(lambda: tf.case([(pos, lambda: tf.constant(-1)), (neg, lambda: tf.constant(1))],
                          exclusive=True))
for v in (-2, 0, 3):
    run_error(r, {i: v})
r = tf.case([(i < 5, lambda: tf.constant(-1)), (i > 0, lambda: tf.constant(1)),
             (i > 1, lambda: tf.constant(2))], default=lambda: tf.constant(7), exclusive=True)
for v in (3, 0, 7):
    run_error(r, {i: v})
r = tf.case([(neg, lambda: tf.constant(-1))])
print(r)
run_error(r, {i: -3})
run_error(r, {i: 3})
r = tf.case({pos: lambda: tf.constant(-1), neg: lambda: tf.constant(1)},
            default=lambda: tf.constant(0))
print(r, [sess.run(r, {i: v}) for v in (-2, 0, 3)])
r = tf.case({pos: lambda: tf.constant(-1), neg: lambda: tf.constant(1)},
            default=lambda: tf.constant(0), exclusive=True)
print(r)
print(tf.case([(neg, lambda: [tf.constant(-1), tf.constant(2.)])],
              default=lambda: [tf.constant(0), tf.constant(3.)], strict=True))
print(tf.case([(neg, lambda: [tf.constant(-1)])], default=lambda: [tf.constant(0)]))
print(tf.case([(neg, lambda: [tf.constant(-1)])], default=lambda: [tf.constant(0)], strict=True))
r = tf.case([(neg, lambda: {"a": tf.constant(-1), "b": i})],
            default=lambda: {"a": tf.constant(0), "b": i * 2}, name="named")
print(r, sess.run(r, {i: 4}))
r = tf.case([(tf.constant(True), lambda: tf.constant(5))], default=lambda: tf.constant(0))
print(r, sess.run(r))
show_error(tf.case, [(neg, 3)])
show_error(tf.case, [])
show_error(tf.case, [(1, lambda: 1)])
show_error(tf.case, [(i, lambda: 1)])
show_error(tf.case, "a")
show_error(tf.case, [neg])
show_error(tf.case, [(neg, lambda: tf.constant(1))], default=3)
show_error(tf.case, [(neg, lambda: tf.constant(1)), (pos, lambda: tf.constant(1.))],
           default=lambda: tf.constant(1))
