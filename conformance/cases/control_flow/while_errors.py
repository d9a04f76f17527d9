# tf.while_loop argument and shape errors, and which of them consume a `while` name scope.
x = tf.constant([1.0], name='x')


def probe(*args, **kwargs):
    show_error(tf.while_loop, *args, **kwargs)
    print(tf.constant(0, name='while').name)


probe(lambda a: tf.constant(True), lambda a: a, x)
probe(1, lambda a: a, [x])
probe(lambda a: True, 2, [x])
probe(lambda a: True, lambda a: a, [])
probe(lambda a: True, lambda a: (a, a), [x])
probe(lambda a: a, lambda a: a, [x], maximum_iterations=2)
probe(lambda a: tf.constant(True), lambda a: a, [x], parallel_iterations=0)
probe(lambda a: tf.constant(True), lambda a: [a], [x], shape_invariants=[tf.TensorShape([2])])
probe(lambda a: True, lambda a: tf.concat([a, a], 0), [x])
