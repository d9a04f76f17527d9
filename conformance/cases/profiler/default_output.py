# tf.profiler's default text report (stdout) for FLOPs and parameters of a tiny graph.
g = tf.Graph()
with g.as_default():
    x = tf.constant(np.ones([2, 3], np.float32), name="x")
    with tf.variable_scope("layer"):
        w = tf.get_variable("w", [3, 4], initializer=tf.ones_initializer())
        b = tf.get_variable("b", [4], initializer=tf.ones_initializer())
        y = tf.nn.bias_add(tf.matmul(x, w), b)
    z = tf.reduce_sum(y)

res = tf.profiler.profile(g, options=tf.profiler.ProfileOptionBuilder.float_operation())
print("total", res.total_float_ops)
res = tf.profiler.profile(
    g, options=tf.profiler.ProfileOptionBuilder.trainable_variables_parameter())
print("total", res.total_parameters)
