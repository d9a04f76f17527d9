# tf.container / Graph.container: the container attr of stateful ops created inside.
with tf.container("experiment0") as name:
    print(repr(name))
    v = tf.Variable(1.0, name="v")
    q = tf.FIFOQueue(3, tf.float32, name="q")
    c = tf.constant(1.0, name="c")
    with tf.container("inner"):
        w = tf.Variable(2.0, name="w")
    u = tf.Variable(3.0, name="u")
x = tf.Variable(4.0, name="x")
g = tf.get_default_graph()
for op_name in ["v", "q", "w", "u", "x"]:
    print(op_name, g.get_operation_by_name(op_name).get_attr("container"))
print("container" in g.get_operation_by_name("c").node_def.attr)
with g.container("explicit"):
    t = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a"], [1]), -1)
print(t.resource_handle.op.get_attr("container"))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([v, w, u, x]))
