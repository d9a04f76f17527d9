import numpy as np, tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
g = tf.Graph()
with g.as_default():
    x = tf.constant(np.ones([2, 6, 6, 3], np.float32))
    k = tf.Variable(tf.ones([3, 3, 3, 4]))
    c = tf.nn.conv2d(x, k, [1, 1, 1, 1], "SAME")
    d = tf.nn.depthwise_conv2d(x, tf.ones([3, 3, 3, 2]), [1, 1, 1, 1], "VALID")
    m = tf.nn.max_pool(c, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    a = tf.nn.avg_pool(c, [1, 3, 3, 1], [1, 1, 1, 1], "SAME")
    u = tf.ones([3, 4])
    v = tf.ones([3, 4]) * 2.0
    ops = [tf.exp(u), tf.log(u), tf.negative(u), tf.reciprocal(u), tf.sqrt(u), tf.abs(u), tf.tanh(u), tf.sigmoid(u),
           u / v, tf.maximum(u, v), tf.minimum(u, v), tf.pow(u, v), tf.squared_difference(u, v), tf.greater(u, v),
           tf.equal(u, v), tf.less_equal(u, v), tf.reduce_max(u), tf.reduce_prod(u), tf.argmin(u, 0), tf.nn.log_softmax(u),
           tf.matmul(u, v, transpose_b=True), tf.reduce_mean(u, axis=0), tf.nn.relu6(u), tf.floor(u), tf.nn.sigmoid_cross_entropy_with_logits(labels=u, logits=v),
           tf.cast(u, tf.float64) + 1.0, tf.cast(u, tf.int32) + 1, tf.rsqrt(u), tf.square(u), tf.math.add(u, v), tf.subtract(u, v)]
    loss = tf.reduce_sum(c) + tf.reduce_sum(m) + tf.reduce_sum(a) + tf.reduce_sum(d)
    gr = tf.gradients(loss, [k, x])
    vv = tf.Variable(tf.ones([3]))
    tf.assign_add(vv, tf.ones([3])); tf.assign_sub(vv, tf.ones([3]))
    tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(vv * vv))
o = tf.profiler.ProfileOptionBuilder.float_operation(); o["output"] = "none"
r = tf.profiler.profile(g, options=o)
def show(node, depth=0):
    print("  " * depth + node.name, g.get_operation_by_name(node.name).type if depth else '', node.float_ops, node.total_float_ops)
    for ch in node.children: show(ch, depth + 1)
show(r)
