# tf.profiler FLOPs and parameter counts of a small MLP (static shapes), output suppressed.
g = tf.Graph()
with g.as_default():
    x = tf.placeholder(tf.float32, [8, 4], name="x")
    with tf.variable_scope("dense1"):
        w1 = tf.get_variable("w", [4, 16], initializer=tf.zeros_initializer())
        b1 = tf.get_variable("b", [16], initializer=tf.zeros_initializer())
        h = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, w1), b1))
    with tf.variable_scope("dense2"):
        w2 = tf.get_variable("w", [16, 3], initializer=tf.zeros_initializer())
        b2 = tf.get_variable("b", [3], initializer=tf.zeros_initializer())
        logits = tf.matmul(h, w2) + b2
    probs = tf.nn.softmax(logits)
    loss = tf.reduce_mean(tf.square(logits)) + 0.01 * tf.nn.l2_loss(w1)

def show(node, depth=0):
    print("  " * depth + node.name, node.float_ops, node.total_float_ops,
          node.parameters, node.total_parameters)
    for c in node.children:
        show(c, depth + 1)

opts = tf.profiler.ProfileOptionBuilder.float_operation()
opts["output"] = "none"
flops = tf.profiler.profile(g, options=opts)
print("flops", flops.total_float_ops, flops.name)
show(flops)

popts = tf.profiler.ProfileOptionBuilder.trainable_variables_parameter()
popts["output"] = "none"
params = tf.profiler.profile(g, options=popts)
print("params", params.total_parameters, params.name)
show(params)
