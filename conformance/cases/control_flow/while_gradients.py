# Gradients through tf.while_loop: loop variables, loop invariants (a constant, a variable's
# value), a cond inside the body. Only values are compared: TF names its backward-loop ops
# per forward op (gradients/while/Enter_1_grad/...), tfcompat builds one backward loop.
x = tf.placeholder(tf.float32, [], name='x')
w = tf.constant(2.0, name='w')
v = tf.Variable(1.5, name='v')
plain = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * w + tf.sin(a)), [0, x])[1]
with_cond = tf.while_loop(
    lambda i, a: i < 4,
    lambda i, a: (i + 1, tf.cond(a > 2.0, lambda: a * a, lambda: a * w)), [0, x])[1]
single = tf.while_loop(lambda a: a < 50.0, lambda a: a * 1.5 * w, [x])
variable = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * v), [0, x])[1]
fetches = []
for y, xs in [(plain, [x, w]), (with_cond, [x, w]), (single, [x, w]),
              (variable * variable, [x, v])]:
    grads = tf.gradients(y, xs)
    print(len(grads), [g.dtype.name for g in grads], [str(g.shape) for g in grads])
    fetches.append([y] + grads)
with tf.Session() as sess:
    sess.run(v.initializer)
    for value in (0.5, 1.0, 3.0):
        print(value, sess.run(fetches, {x: value}))
