# tf.profiler options: builder dicts, select, accounted types, show/hide regexes, max_depth,
# account_displayed_op_only, and the default options of profile().
P = tf.profiler.ProfileOptionBuilder
print(sorted(P.float_operation().items()))
print(sorted(P.trainable_variables_parameter().items()))
print(sorted(P().build().items()))
print(sorted(P(P.float_operation()).with_max_depth(3).with_min_float_operations(5)
             .with_min_parameters(2).with_accounted_types(["MatMul"]).with_empty_output()
             .select(["params"]).order_by("params").account_displayed_op_only(False)
             .with_node_names(show_name_regexes=["a.*"], hide_name_regexes=["b"]).build().items()))

g = tf.Graph()
with g.as_default():
    x = tf.constant(np.ones([2, 40], np.float32), name="x")
    with tf.variable_scope("big"):
        w = tf.get_variable("w", [40, 30], initializer=tf.ones_initializer())
        s = tf.get_variable("s", [], initializer=tf.ones_initializer())
        y = tf.matmul(x, w) * s
    with tf.name_scope("head"):
        z = tf.reduce_sum(tf.matmul(tf.ones([1000, 30]), tf.transpose(y)))
    nt = tf.Variable(tf.ones([5]), trainable=False, name="nt")

def show(node, depth=0):
    print("  " * depth + node.name, node.float_ops, node.total_float_ops, node.parameters,
          node.total_parameters)
    for c in node.children:
        show(c, depth + 1)

def run(builder):
    print("--", sorted(builder.with_empty_output().build().items())[0])
    show(tf.profiler.profile(g, options=builder.build()))

run(P(P.float_operation()).select(["params", "float_ops"]).with_min_float_operations(0)
    .with_accounted_types([".*"]).with_node_names(show_name_regexes=["big.*", "head.*"]))
run(P(P.trainable_variables_parameter()).account_displayed_op_only(False)
    .with_node_names(hide_name_regexes=[".*/s"]))
run(P(P.trainable_variables_parameter()).with_accounted_types([".*"]))
run(P(P.float_operation()).with_max_depth(2))
run(P(P.float_operation()).with_max_depth(1))
run(P(P.float_operation()).order_by("name").with_accounted_types(["MatMul"]))
run(P(P.trainable_variables_parameter()).order_by("params").with_min_parameters(2))
with g.as_default():
    r = tf.profiler.profile(options=P(P.float_operation()).with_empty_output().build())
print("default graph", r.total_float_ops)
r = tf.profiler.profile(g)
print("default options", r.total_parameters, [c.name for c in r.children])
