# tf.group / tf.tuple edge cases (nesting, None, errors, IndexedSlices); custom_gradient in a
# while loop.


def full(fn):
    try:
        r = fn()
        if hasattr(r, "node_def"):
            r = (r.name, r.type, [c.name for c in r.control_inputs])
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0][:200])



a = tf.constant(1.)
b = tf.constant(2.)
full(lambda: tf.group())
full(lambda: tf.group(a, [b, a.op]))
full(lambda: tf.group([[a], b]))
full(lambda: tf.group({"x": a, "y": b}))
full(lambda: tf.group(a, name="g"))
full(lambda: tf.group(None))
full(lambda: tf.group(3))
full(lambda: tf.tuple([a, None, b]))
full(lambda: tf.tuple([]))
full(lambda: tf.tuple([a], control_inputs=[b]))
full(lambda: tf.tuple([a], control_inputs=[3]))
full(lambda: tf.tuple(a))
full(lambda: tf.tuple([a, b], name="tp"))
t = tf.tuple([a, b])
print([x.name for x in t], [[c.name for c in x.op.control_inputs] for x in t])
gs = tf.gradients(tf.gather(tf.Variable([1., 2.]), [0]), tf.trainable_variables())[0]
full(lambda: [isinstance(x, tf.Tensor) for x in tf.tuple([gs, a])])
x = tf.constant([1., 2.])


@tf.custom_gradient
def f(v):
    def grad(dy):
        return dy * 10.
    return v * 2., grad


_, r = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, f(v)), (0, x))
full(lambda: tf.Session().run([r, tf.gradients(tf.reduce_sum(r), x)[0]]))
