# tf.graph_util: extract_sub_graph, convert_variables_to_constants (freezing),
# remove_training_nodes, must_run_on_cpu, tensor_shape_from_node_def_name.
print(sorted(n for n in dir(tf.graph_util) if not n.startswith("_")))
x = tf.placeholder(tf.float32, [None, 2], name="x")
w = tf.Variable([[1.], [2.]], name="w")
b = tf.Variable([0.5], name="b")
h = tf.identity(tf.matmul(x, w), name="h")
checked = tf.debugging.check_numerics(h, "bad", name="checked")
y = tf.add(checked, b, name="y")
other = tf.constant(3.0, name="other")
g = tf.get_default_graph()
gd = g.as_graph_def()
sub = tf.graph_util.extract_sub_graph(gd, ["h"])
print([(n.name, n.op) for n in sub.node])
show_error(tf.graph_util.extract_sub_graph, gd, "h")
show_error(tf.graph_util.extract_sub_graph, gd, ["missing"])
print(tf.graph_util.tensor_shape_from_node_def_name(g, "h"),
      tf.graph_util.tensor_shape_from_node_def_name(g, "y:0"))
print([tf.graph_util.must_run_on_cpu(n) for n in gd.node[:4]],
      tf.graph_util.must_run_on_cpu(g.get_operation_by_name("w"), pin_variables_on_cpu=True),
      tf.graph_util.must_run_on_cpu(other.op))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    frozen = tf.graph_util.convert_variables_to_constants(sess, gd, ["y"])
print([(n.name, n.op) for n in frozen.node])
print([list(n.input) for n in frozen.node])
w_node = [n for n in frozen.node if n.name == "w"][0]
print(sorted(w_node.attr.keys()), tf.make_ndarray(w_node.attr["value"].tensor).tolist(),
      w_node.attr["dtype"].type)
with tf.Graph().as_default() as g2:
    tf.import_graph_def(frozen, name="")
    with tf.Session() as sess:
        print(sess.run("y:0", {"x:0": [[1., 1.], [2., 0.]]}).tolist())
with tf.Session(graph=g) as sess:
    sess.run(tf.global_variables_initializer())
    partial = tf.graph_util.convert_variables_to_constants(sess, gd, ["y"],
                                                           variable_names_whitelist=["b"])
    print([(n.name, n.op) for n in partial.node])
    partial = tf.graph_util.convert_variables_to_constants(sess, gd, ["y"],
                                                           variable_names_blacklist=["b"])
    print([(n.name, n.op) for n in partial.node])
stripped = tf.graph_util.remove_training_nodes(gd)
print([(n.name, n.op, list(n.input)) for n in stripped.node])
kept = tf.graph_util.remove_training_nodes(gd, protected_nodes=["h"])
print([(n.name, n.op, list(n.input)) for n in kept.node])
print(tf.graph_util.import_graph_def is tf.import_graph_def)
