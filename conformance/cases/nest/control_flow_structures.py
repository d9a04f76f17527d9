# tf.cond and tf.while_loop compare the structures of their branches / loop variables with
# tf.nest's rules (types checked; the while loop's outermost list/tuple is not).
x = tf.constant(1.0)
p = tf.placeholder(tf.bool, [])


def show(f):
    try:
        f()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", str(e).split("\n")[0])


show(lambda: tf.cond(p, lambda: [x, x], lambda: (x, x)))
show(lambda: tf.cond(p, lambda: {"a": x}, lambda: {"b": x}))
show(lambda: tf.cond(p, lambda: (x, [x]), lambda: (x, (x,))))
show(lambda: tf.cond(p, lambda: (x, x), lambda: (x, x)))
show(lambda: tf.while_loop(lambda a, b: a < 3, lambda a, b: [a + 1, b], (x, x)))
show(lambda: tf.while_loop(lambda a: a[0] < 3, lambda a: ([a[0] + 1, a[1]],), ((x, x),)))
show(lambda: tf.while_loop(lambda a, b: a < 3, lambda a, b: [a + 1, [b]], (x, x)))
