# tf.switch_case: branch selection, default, nested outputs, validation errors, gradients.
# (TF builds a StatelessCase op; only outputs are compared here.)


def full(fn):
    try:
        r = fn()
        print("noerr", r)
    except Exception as e:
        print(type(e).__name__, repr(str(e).split("\n")[0][:300]))


i = tf.placeholder(tf.int32, [], name="i")
s = tf.Session()
r = tf.switch_case(i, [lambda: tf.constant(10), lambda: tf.constant(11)])
print([s.run(r, {i: v}) for v in (0, 1, 5, -1)])
r = tf.switch_case(i, {1: lambda: tf.constant(11), 0: lambda: tf.constant(10)},
                   default=lambda: tf.constant(-1))
print([s.run(r, {i: v}) for v in (0, 1, 5, -1)])
r = tf.switch_case(i, [lambda: (tf.constant(1), tf.constant(2.)),
                       lambda: (tf.constant(3), tf.constant(4.))])
print(r, [s.run(r, {i: v}) for v in (0, 1)])
r = tf.switch_case(tf.constant(1), [lambda: tf.constant(10), lambda: tf.constant(11)])
print(s.run(r))
full(lambda: tf.switch_case(tf.constant(1.0), [lambda: 1]))
full(lambda: tf.switch_case(i, []))
full(lambda: tf.switch_case(i, {"a": lambda: 1}))
full(lambda: tf.switch_case(i, {3: lambda: 1, 1: lambda: 2}))
full(lambda: tf.switch_case(i, [3]))
full(lambda: tf.switch_case(i, "ab"))
full(lambda: tf.switch_case(tf.constant([1, 2]), [lambda: tf.constant(1)]))
full(lambda: tf.switch_case(i, [lambda: tf.constant(1), lambda: tf.constant(1.)]))
full(lambda: tf.switch_case(1, [lambda: tf.constant(1)]))
x = tf.placeholder(tf.float32, [], name="x")
r = tf.switch_case(i, [lambda: x * x, lambda: x * 3.])
g = tf.gradients(r, x)[0]
print([s.run([r, g], {i: v, x: 2.}) for v in (0, 1, 7)])
r = tf.switch_case(i, [lambda: tf.constant([1., 2.]), lambda: tf.constant([3.])])
print(r)
