# Separate Graph objects, as_default, reset_default_graph and cross-graph errors.
g1 = tf.Graph()
g2 = tf.Graph()
with g1.as_default():
    a = tf.constant(1.0)
    print(tf.get_default_graph() is g1, a.graph is g1)
with g2.as_default():
    b = tf.constant(1.0)
print(a.name, b.name, a.graph is b.graph)
show_error_contains(lambda: tf.add(a, b), 'must be from the same graph as')
with g1.as_default():
    show_error_contains(lambda: a + b, 'must be from the same graph as')
print(len(g1.get_operations()), g1.version > 0)
g1.finalize()
print(g1.finalized)
with g1.as_default():
    show_error(tf.constant, 2.0)
d = tf.get_default_graph()
tf.reset_default_graph()
print(tf.get_default_graph() is d, tf.get_default_graph().get_operations())
