# tf.py_func / numpy_function / py_function: op types, outputs, dtype checks, error classes.
x = tf.placeholder(tf.float32, [2], name="x")
sess = tf.Session()


def show(t):
    for v in (t if isinstance(t, list) else [t]):
        print(v, v.op.type, v.op.name, sorted(v.op.node_def.attr.keys()),
              v.op.get_attr("Tin"), v.op.get_attr("Tout"))


def run_error(fn, needle):
    try:
        print("value:", sess.run(fn(), {x: [1., 2.]}))
    except tf.errors.OpError as e:
        lines = e.message.split("\n")
        print(type(e).__name__, "|", lines[0], "|", needle in e.message)


a = tf.py_func(lambda v: v * 2, [x], tf.float32)
b = tf.py_func(lambda v: v * 2, [x], tf.float32, stateful=False)
c = tf.py_func(lambda v: (v, np.int32(3)), [x], [tf.float32, tf.int32])
d = tf.py_func(lambda v: v, [x], [tf.float32])
e = tf.numpy_function(lambda v: v * 3, [x], tf.float32)
e2 = tf.numpy_function(lambda v: v * 3, [x], tf.float32, stateful=False)
f = tf.py_function(lambda v: v * 4, [x], tf.float32)
f2 = tf.py_function(lambda v: (v * 4, v.numpy()), [x], [tf.float32, tf.float32])
for t in (a, b, c, d, e, e2, f, f2):
    show(t)
print(sess.run([a, b, c, d, e, f, f2], {x: [1., 2.]}))
print(type(sess.run(f, {x: [1., 2.]})))
run_error(lambda: tf.py_func(lambda v: 1 / 0, [x], tf.float32), "ZeroDivisionError: division")
run_error(lambda: tf.py_func(lambda v: v.astype(np.float64), [x], tf.float32),
          "is double, but expects float")
run_error(lambda: tf.py_func(lambda v: (v, v), [x], tf.float32),
          "returns 2 values, but expects to see 1 values.")
run_error(lambda: tf.py_func(lambda v: v, [x], [tf.float32, tf.float32]),
          "returns 1 values, but expects to see 2 values.")
run_error(lambda: tf.py_func(lambda v: [1, 2], [x], tf.int64), "")
run_error(lambda: tf.py_func(lambda v: 3.5, [x], tf.float32), "is double, but expects float")
run_error(lambda: tf.py_func(lambda v: None, [x], []), "")
run_error(lambda: tf.py_func(lambda v: "abc", [x], tf.string), "")
run_error(lambda: tf.py_func(lambda v: np.float32(3), [x], tf.float64),
          "is float, but expects double")
run_error(lambda: tf.py_func(lambda v: v, [x], tf.int32), "is float, but expects int32")
run_error(lambda: tf.py_func(lambda v: np.int64(3), [x], tf.int32), "is int64, but expects int32")


def raiser(exc):
    def fn(v):
        raise exc
    return fn


for exc in [ValueError("bad"), TypeError("te"), StopIteration(), NotImplementedError("ni"),
            RuntimeError("rt"), KeyError("k"), tf.errors.InvalidArgumentError(None, None, "c")]:
    run_error(lambda exc=exc: tf.py_func(raiser(exc), [x], tf.float32),
              f"{type(exc).__name__}: {exc}")
run_error(lambda: tf.py_function(lambda v: 1 / 0, [x], tf.float32), "ZeroDivisionError")
run_error(lambda: tf.py_function(raiser(ValueError("bad")), [x], tf.float32), "ValueError: bad")
run_error(lambda: tf.py_function(lambda v: v.numpy().astype(np.float64), [x], tf.float32), "")
print(tf.gradients(a, x), tf.gradients(b, x))
graph = tf.get_default_graph()


@tf.RegisterGradient("PyFuncTimesTen")
def _times_ten(op, grad):
    return [grad * 10]


with graph.gradient_override_map({"PyFunc": "PyFuncTimesTen"}):
    h = tf.py_func(lambda v: v * 2, [x], tf.float32)
h.set_shape([2])
print(sess.run(tf.gradients(h, x), {x: [1., 2.]}))
show_error(tf.py_func, 3, [x], tf.float32)
print(tf.py_func(lambda: np.float32(1.), [], tf.float32, name="myf"))
print(sess.run(tf.py_func(lambda: np.float32(1.), [], tf.float32)))
print(sess.run(tf.py_func(lambda s: s + b"!", [tf.constant("hi")], tf.string)))
print(sess.run(tf.py_func(lambda s: np.array([b"a", b"bc"]), [tf.constant("hi")], tf.string)))
counter = []
stateful = tf.py_func(lambda: counter.append(1) or np.int64(len(counter)), [], tf.int64)
print(sess.run([stateful, stateful]), sess.run(stateful))
