# tf.profiler FLOPs of a training graph: convolution/pooling gradients, depthwise conv,
# element-wise, reduction and assign ops (ops without a FLOPs rule count 0 and are hidden).
g = tf.Graph()
with g.as_default():
    x = tf.constant(np.ones([2, 6, 6, 3], np.float32))
    k = tf.Variable(tf.ones([3, 3, 3, 4]))
    c = tf.nn.conv2d(x, k, [1, 1, 1, 1], "SAME")
    d = tf.nn.depthwise_conv2d(x, tf.ones([3, 3, 3, 2]), [1, 1, 1, 1], "VALID")
    m = tf.nn.max_pool(c, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    m3 = tf.nn.max_pool(x, [1, 3, 3, 1], [1, 1, 1, 1], "VALID")
    a = tf.nn.avg_pool(c, [1, 3, 3, 1], [1, 1, 1, 1], "SAME")
    a3 = tf.nn.avg_pool(x, [1, 3, 3, 1], [1, 2, 2, 1], "VALID")
    u = tf.ones([3, 4])
    v = tf.ones([3, 4]) * 2.0
    ops = [tf.exp(u), tf.log(u), tf.negative(u), tf.reciprocal(u), tf.sqrt(u), tf.abs(u),
           tf.tanh(u), tf.sigmoid(u), u / v, tf.maximum(u, v), tf.minimum(u, v), tf.pow(u, v),
           tf.squared_difference(u, v), tf.greater(u, v), tf.equal(u, v), tf.less_equal(u, v),
           tf.reduce_max(u), tf.reduce_prod(u), tf.argmin(u, 0), tf.nn.log_softmax(u),
           tf.matmul(u, v, transpose_b=True), tf.matmul(u, v, transpose_a=True),
           tf.reduce_mean(u, axis=0), tf.nn.relu6(u), tf.floor(u),
           tf.cast(u, tf.int32) + 1, tf.rsqrt(u), tf.square(u), tf.subtract(u, v)]
    loss = (tf.reduce_sum(c) + tf.reduce_sum(m) + tf.reduce_sum(a) + tf.reduce_sum(d)
            + tf.reduce_sum(m3) + tf.reduce_sum(a3))
    gr = tf.gradients(loss, [k, x])
    vv = tf.Variable(tf.ones([3]))
    tf.assign_add(vv, tf.ones([3]))
    tf.assign_sub(vv, tf.ones([3]))
    tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(vv * vv))

opts = tf.profiler.ProfileOptionBuilder.float_operation()
opts["output"] = "none"
r = tf.profiler.profile(g, options=opts)
print("total", r.total_float_ops)
by_type = {}
for ch in r.children:
    t = g.get_operation_by_name(ch.name).type
    by_type.setdefault(t, []).append(ch.float_ops)
for t in sorted(by_type):
    print(t, sorted(by_type[t]))
