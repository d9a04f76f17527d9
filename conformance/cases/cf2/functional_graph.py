# The ops map_fn, scan and foldl/foldr build (names, types, inputs, static shapes).
x = tf.placeholder(tf.float32, [None, 3], name="x")
graph = tf.get_default_graph()


def build(fn):
    start = len(graph.get_operations())
    result = fn()
    for op in graph.get_operations()[start:]:
        print(" ", op.name, op.type, [t.name for t in op.inputs],
              [c.name for c in op.control_inputs], [str(o.shape) for o in op.outputs])
    print(result)


build(lambda: tf.map_fn(lambda v: v * 2., x))
build(lambda: tf.scan(lambda a, v: a + v, x))
build(lambda: tf.foldl(lambda a, v: a + v, x))
build(lambda: tf.foldr(lambda a, v: a + v, x))
build(lambda: tf.foldr(lambda a, v: a + v, tf.constant([1, 2]), initializer=tf.constant(0)))
build(lambda: tf.scan(lambda a, v: a + v, tf.constant([1, 2]), reverse=True))
