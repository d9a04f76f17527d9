# tf.profiler skips ops whose shapes are incomplete (unknown batch dimension).
g = tf.Graph()
with g.as_default():
    x = tf.placeholder(tf.float32, [None, 5], name="x")
    w = tf.Variable(tf.ones([5, 2]), name="w")
    y = tf.matmul(x, w)
    z = tf.reduce_mean(y + 1.0)
    c = tf.constant(np.ones([3, 3], np.float32))
    d = tf.matmul(c, c, name="static_mm")

def show(node, depth=0):
    print("  " * depth + node.name, node.float_ops, node.total_float_ops,
          node.parameters, node.total_parameters)
    for ch in node.children:
        show(ch, depth + 1)

opts = tf.profiler.ProfileOptionBuilder.float_operation()
opts["output"] = "none"
flops = tf.profiler.profile(g, options=opts)
print("flops", flops.total_float_ops)
show(flops)
