# A GraphDef round trip: export, import under a scope with an input_map, run.
g1 = tf.Graph()
with g1.as_default():
    x = tf.placeholder(tf.float32, [None, 2], name='x')
    w = tf.constant([[1.0], [2.0]], name='w')
    y = tf.nn.relu(tf.matmul(x, w) - 1.0, name='y')
    s = tf.reduce_sum(y, name='s')
graph_def = g1.as_graph_def()
print([n.name for n in graph_def.node])
print(tf.make_ndarray(graph_def.node[1].attr['value'].tensor).tolist())
with tf.Graph().as_default() as g2:
    feed = tf.constant([[1.0, 1.0], [0.0, 0.5]], name='feed')
    y2, s2 = tf.import_graph_def(graph_def, input_map={'x:0': feed}, return_elements=['y:0', 's'])
    print(y2, s2.name, s2.type)
    print([op.name for op in g2.get_operations()])
    with tf.Session() as sess:
        print(sess.run(y2).tolist(), sess.run('import/s:0'))
    tf.import_graph_def(graph_def)
    print(sorted(op.name for op in g2.get_operations() if op.name.startswith('import_1/')))
