# Errors from conv2d/max_pool/avg_pool: argument checks, shape inference and kernels at run time.
x = tf.placeholder(tf.float32, [None, 5, 5, 3], name="x")
w = tf.placeholder(tf.float32, [3, 3, 3, 4], name="w")
show_error(tf.nn.conv2d, x, w, strides=[1, 1, 1], padding="SAME")
show_error(tf.nn.conv2d, x, w, strides=1, padding="same")
show_error(tf.nn.conv2d, x, w, strides=1, padding=None)
show_error(tf.nn.conv2d, x, w, strides=1, padding="EXPLICIT")
show_error(tf.nn.conv2d, x, w, 1, [[0, 0], [1, 1], [1, 1]])
show_error(tf.nn.conv2d, x, w, 1, [[0, 0], [1, 1], [1, 1], 0])
show_error(tf.nn.conv2d, x, w, 1, [[0, 0], [1, 1], [1, 1], [0, 0, 1]])
show_error(tf.nn.conv2d, x, w, 1, [[1, 0], [1, 1], [1, 1], [0, 0]])
show_error(tf.nn.conv2d, x, w, 1, [[0, 0], [-1, 1], [1, 1], [0, 0]])
show_error(tf.nn.conv2d, x, w, 1, "SAME", filters=w)
show_error(tf.nn.conv2d, x, tf.placeholder(tf.float32, [3, 3, 2, 4]), 1, "SAME")
show_error(tf.nn.conv2d, x, tf.placeholder(tf.float32, [7, 3, 3, 4]), 1, "VALID")
show_error(tf.nn.conv2d, tf.placeholder(tf.float32, [5, 5, 3]), w, 1, "VALID")
show_error(tf.nn.conv2d, x, w, 0, "SAME")
show_error(tf.nn.conv2d, x, w, 1, "SAME", dilations=0)
show_error(tf.nn.conv2d, x, tf.cast(w, tf.float64), 1, "VALID")
show_error(tf.nn.conv2d, tf.cast(x, tf.int64), tf.cast(w, tf.int64), 1, "VALID")
show_error(tf.nn.conv2d, tf.ones([1, 5, 5, 6]), tf.ones([3, 3, 3, 5]), 1, "SAME")
show_error(tf.nn.conv2d, x, w, 1, "SAME", data_format="NWC")
show_error(tf.nn.conv2d_transpose, tf.ones([2, 3, 3, 5]), w, [2, 5, 5, 3], 1, "VALID")
show_error(tf.nn.conv2d_transpose, tf.ones([2, 3, 3, 4]), w, [2, 5, 5], 1, "VALID")
show_error(tf.nn.conv2d_backprop_input, [2, 5, 5, 3], w, tf.ones([2, 3, 3, 4]), 1, "VALID")
show_error(tf.nn.max_pool, x, 0, 1, "VALID")
show_error(tf.nn.max_pool, x, [1, 2, 2], 1, "VALID")
show_error(tf.nn.max_pool, x, 2, 1, "same")
show_error(tf.nn.max_pool, x, 2, 1, "SAME", input=x)
show_error(tf.nn.avg_pool, x, 2, 1, [[0, 0], [1, 1], [1, 1], [0, 0]])
show_error(tf.nn.max_pool, x, 6, 1, "VALID")
show_error(tf.nn.avg_pool, x, 6, 1, "VALID")
show_error(tf.nn.max_pool, x, 2, 0, "VALID")
show_error(tf.nn.max_pool, tf.cast(x, tf.bool), 2, 1, "VALID")
show_error(tf.nn.avg_pool, tf.cast(x, tf.int32), 2, 1, "VALID")
show_error(tf.nn.max_pool, x, 3, 1, "SAME", data_format="NCDHW")
show_error(tf.nn.avg_pool, x, 3, 1, "SAME", data_format="NCHW_VECT_C")
u = tf.placeholder(tf.float32, name="u")
v = np.ones([1, 5, 5, 3], np.float32)
sess = tf.Session()
runs = [
    (tf.nn.conv2d(u, tf.ones([3, 3, 3, 4]), 1, "SAME"), np.ones([5, 5, 3]),
     "convolution input must be 4-dimensional: [5,5,3]"),
    (tf.nn.conv2d(tf.ones([1, 5, 5, 3]), u, 1, "SAME"), np.ones([3, 3, 3]),
     "convolution filter must be 4-dimensional: [3,3,3]"),
    (tf.nn.conv2d(u, tf.ones([3, 3, 2, 4]), 1, "SAME"), v,
     "input depth must be evenly divisible by filter depth: 3 vs 2"),
    (tf.nn.conv2d(u, tf.ones([3, 3, 3, 5]), 1, "SAME"), np.ones([1, 5, 5, 6]),
     "output depth must be evenly divisible by number of groups: 5 vs 2"),
    (tf.nn.conv2d(u, tf.ones([7, 3, 3, 4]), 1, "VALID"), v,
     "Computed output size would be negative: -1 [input_size: 5, effective_filter_size: 7, "
     "stride: 1]"),
    (tf.nn.conv2d(u, tf.ones([3, 3, 3, 4]), [2, 1, 1, 1], "VALID"), v,
     "Current implementation does not yet support strides in the batch and depth dimensions."),
    (tf.nn.conv2d(u, tf.ones([3, 3, 3, 4]), 1, "VALID", dilations=[2, 1, 1, 1]), v,
     "Current implementation does not yet support dilations in the batch and depth dimensions."),
    (tf.nn.conv2d(u, tf.ones([3, 3, 3, 4]), 1, "SAME", data_format="NCHW"), np.ones([1, 3, 5, 5]),
     "The Conv2D op currently only supports the NHWC tensor format on the CPU. The op was given "
     "the format: NCHW"),
    (tf.gradients(tf.nn.conv2d(u, tf.ones([3, 3, 3, 4]), 1, "SAME", dilations=2), u)[0], v,
     "Current CPU implementations do not yet support dilation rates larger than 1."),
    (tf.nn.conv2d_backprop_input([1, 7, 7, 3], tf.ones([3, 3, 3, 4]), u, [1, 1, 1, 1], "VALID"),
     np.ones([1, 3, 3, 4]), "Conv2DCustomBackpropInput: Size of out_backprop doesn't match "
     "computed: actual = 3, computed = 5 spatial_dim: 1 input: 7 filter: 3 output: 3 stride: 1 "
     "dilation: 1"),
    (tf.nn.conv2d_backprop_filter(u, [2, 2, 3, 4], tf.ones([1, 3, 3, 4]), [1, 1, 1, 1],
                                  "VALID"), v,
     "Conv2DCustomBackpropFilter: Size of out_backprop doesn't match computed: actual = 3, "
     "computed = 4 spatial_dim: 1 input: 5 filter: 2 output: 3 stride: 1 dilation: 1"),
    (tf.nn.max_pool(u, 2, 1, "SAME"), np.ones([5, 5, 3]),
     "tensor_in_shape must have 2 spatial dimensions. 3 0"),
    (tf.nn.max_pool(u, 2, 1, "VALID", data_format="NCHW"), v,
     "Default MaxPoolingOp only supports NHWC on device type CPU"),
    (tf.nn.avg_pool(u, 2, 1, "VALID", data_format="NCHW"), v,
     "Default AvgPoolingOp only supports NHWC on device type CPU"),
    (tf.nn.max_pool(u, [2, 1, 1, 1], 1, "VALID"), v,
     "Pooling is not yet supported on the batch dimension."),
    (tf.nn.max_pool(u, [1, 2, 2, 2], [1, 1, 1, 2], "VALID"), v,
     "MaxPooling supports exactly one of pooling across depth or pooling across width/height."),
    (tf.nn.avg_pool(u, [1, 2, 2, 2], 1, "VALID"), v,
     "MaxPooling supports exactly one of pooling across depth or pooling across width/height."),
    (tf.nn.max_pool(u, [1, 1, 1, 2], [1, 1, 1, 1], "VALID"), np.ones([1, 2, 2, 4]),
     "Depthwise max pooling requires the depth window to equal the depth stride"),
    (tf.nn.max_pool(u, [1, 1, 1, 2], [1, 1, 1, 2], "VALID"), v,
     "Depthwise max pooling requires the depth window to evenly divide the input depth"),
    (tf.nn.max_pool(u, 3, 2, [[0, 0], [3, 3], [1, 1], [0, 0]]), v,
     "Top padding 3 needs to be smaller than the window size 3"),
]
for tensor, value, message in runs:
    show_error_contains(lambda t=tensor, v=value: sess.run(t, {u: v}), message)
print(sess.run(tf.nn.max_pool(u, 6, 1, "VALID"), {u: v}).shape)
print(sess.run(tf.nn.conv2d(u, tf.ones([8, 8, 3, 1]), 2, "VALID"), {u: v}).shape)
sess.close()
