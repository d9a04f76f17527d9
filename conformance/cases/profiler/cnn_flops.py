# tf.profiler FLOPs of a small CNN: conv, pooling, dense, argmax, scopes.
g = tf.Graph()
with g.as_default():
    x = tf.placeholder(tf.float32, [2, 8, 8, 3], name="images")
    with tf.name_scope("conv"):
        k = tf.Variable(tf.zeros([3, 3, 3, 4]), name="kernel")
        c = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding="SAME")
        c = tf.nn.relu(c + tf.Variable(tf.zeros([4]), name="bias"))
    p = tf.nn.max_pool(c, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    a = tf.nn.avg_pool(c, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    flat = tf.reshape(p - a, [2, 64])
    with tf.name_scope("fc"):
        w = tf.Variable(tf.zeros([64, 10]), name="w")
        y = tf.matmul(flat, w)
    pred = tf.argmax(y, 1)
    s = tf.reduce_sum(y * y)
    r = tf.math.rsqrt(s + 1.0)
    n = tf.add_n([y, y, y])

def show(node, depth=0):
    print("  " * depth + node.name, node.float_ops, node.total_float_ops,
          node.parameters, node.total_parameters)
    for c in node.children:
        show(c, depth + 1)

opts = tf.profiler.ProfileOptionBuilder.float_operation()
opts["output"] = "none"
flops = tf.profiler.profile(g, options=opts)
print("flops", flops.total_float_ops)
show(flops)

popts = tf.profiler.ProfileOptionBuilder.trainable_variables_parameter()
popts["output"] = "none"
params = tf.profiler.profile(g, options=popts)
print("params", params.total_parameters)
show(params)
