# tf.nn.quantized_relu_x (a graph op without a CPU kernel in TF 2.21) and tf.nn.quantized_conv2d.
from functools import partial

rv = np.array([0, 10, 50, 100, 128, 200, 255], np.uint8)
with tf.Graph().as_default():
    r = tf.nn.quantized_relu_x(tf.constant(rv, tf.quint8), 6.0, 0.0, 10.0)
    print(r)
    print(r.activations.op.node_def)
    r = tf.nn.quantized_relu_x(tf.constant(rv, tf.qint32), 6, 0, 10, out_type=tf.qint8,
                               name="rx")
    print(r, r.activations.op.get_attr("Tinput"), r.activations.op.get_attr("out_type"))
    print([t.shape for t in tf.nn.quantized_relu_x(tf.placeholder(tf.quint8, [None, 3]), 6.0,
                                                   0.0, 1.0)])
    print([t.shape for t in tf.nn.quantized_relu_x(tf.placeholder(tf.quint8), 6.0, 0.0, 1.0)])
    show_error(tf.nn.quantized_relu_x, tf.constant(rv, tf.quint8), [6.0], 0.0, 10.0)
    show_error(tf.nn.quantized_relu_x, tf.constant(rv, tf.quint8), 6.0, [0.0], 10.0)
    show_error(tf.nn.quantized_relu_x, tf.constant([1.0]), 6.0, 0.0, 10.0)
    show_error(tf.nn.quantized_relu_x, tf.constant(rv, tf.quint8), 6.0, 0.0, 10.0,
               out_type=tf.float32)
    m = tf.placeholder(tf.float32, [])
    show_error(tf.gradients, tf.nn.quantized_relu_x(tf.constant(rv, tf.quint8), m, 0.0,
                                                    10.0).min_activations, m)
for tin in [tf.quint8, tf.qint32]:
    with tf.Graph().as_default():
        r = tf.nn.quantized_relu_x(tf.constant(rv, tin), 6.0, 0.0, 10.0)
        with tf.Session() as sess:
            show_error_contains(partial(sess.run, r), "No OpKernel was registered to support Op "
                                "'QuantizedReluX'")

rng = np.random.RandomState(0)
xi = rng.randint(0, 256, [2, 5, 6, 2]).astype(np.uint8)
fi = rng.randint(0, 256, [3, 2, 2, 3]).astype(np.uint8)
with tf.Graph().as_default():
    conv = tf.nn.quantized_conv2d
    runs = []
    for lo_x, hi_x, lo_f, hi_f in [(0.0, 1.0, 0.0, 1.0), (-1.0, 1.0, -2.0, 2.0),
                                   (0.0, 255.0, -128.0, 127.0), (-0.3, 7.1, -0.01, 0.02),
                                   (0.5, 4.0, 1.0, 3.0), (2.0, 2.0, -1.0, 1.0)]:
        for strides, pad in [([1, 1, 1, 1], "VALID"), ([1, 1, 1, 1], "SAME"),
                             ([1, 2, 2, 1], "SAME"), ([1, 3, 3, 1], "VALID")]:
            runs.append(conv(tf.constant(xi, tf.quint8), tf.constant(fi, tf.quint8), lo_x, hi_x,
                             lo_f, hi_f, strides, pad))
    r = runs[1]
    print(r)
    print(r.output.op.node_def)
    print(conv(tf.constant(xi, tf.quint8), tf.constant(fi, tf.quint8), 0.0, 1.0, 0.0, 1.0,
               [1, 1, 1, 1], "SAME", name="qc").output.op.name)
    with tf.Session() as sess:
        for r in runs:
            out, lo, hi = sess.run(r)
            print(out.dtype, out.shape, out[0, :, :, 0].tolist(), out[1, -1, -1].tolist(), lo,
                  hi)
    p = tf.placeholder(tf.quint8, [None, 9, None, 2])
    f = tf.placeholder(tf.quint8, [3, 3, 2, 4])
    print([t.shape for t in conv(p, f, 0.0, 1.0, 0.0, 1.0, [1, 2, 2, 1], "SAME")])
    print([t.shape for t in conv(p, f, 0.0, 1.0, 0.0, 1.0, [1, 2, 2, 1], "VALID")])
    print([t.shape for t in conv(p, tf.placeholder(tf.quint8), 0.0, 1.0, 0.0, 1.0,
                                 [1, 1, 1, 1], "VALID")])
    print(conv(p, f, 0.0, 1.0, 0.0, 1.0, [1, 1, 1, 1], "VALID", out_type=tf.quint8).output)
    xq, fq = tf.constant(xi, tf.quint8), tf.constant(fi, tf.quint8)
    show_error(conv, tf.placeholder(tf.quint8, [2, 2, 2]), fq, 0.0, 1.0, 0.0, 1.0,
               [1, 1, 1, 1], "VALID")
    show_error(conv, xq, tf.placeholder(tf.quint8, [2, 2, 2]), 0.0, 1.0, 0.0, 1.0,
               [1, 1, 1, 1], "VALID")
    show_error(conv, xq, tf.placeholder(tf.quint8, [2, 2, 5, 1]), 0.0, 1.0, 0.0, 1.0,
               [1, 1, 1, 1], "VALID")
    show_error(conv, xq, fq, [0.0], 1.0, 0.0, 1.0, [1, 1, 1, 1], "VALID")
    show_error(conv, xq, fq, 0.0, 1.0, 0.0, [1.0], [1, 1, 1, 1], "VALID")
    show_error(conv, tf.constant([1.0]), fq, 0.0, 1.0, 0.0, 1.0, [1, 1, 1, 1], "VALID")
    show_error(conv, xq, fq, 0.0, 1.0, 0.0, 1.0, [1, 1, 1], "VALID")
    show_error(conv, xq, fq, 0.0, 1.0, 0.0, 1.0, [1, 1, 1, 1], "EXPLICIT")
    show_error(conv, xq, tf.constant(np.zeros([7, 1, 2, 1], np.uint8), tf.quint8), 0.0, 1.0,
               0.0, 1.0, [1, 1, 1, 1], "VALID")
    m = tf.placeholder(tf.float32, [])
    show_error(tf.gradients, conv(xq, fq, m, 1.0, 0.0, 1.0, [1, 1, 1, 1],
                                  "VALID").min_output, m)
for strides, kwargs in [([1, 1, 1, 1], dict(dilations=[1, 2, 2, 1])),
                        ([1, 1, 1, 1], dict(out_type=tf.quint8)), ([1, 2, 1, 1], {}),
                        ([2, 1, 1, 1], {}), ([1, 1, 1, 2], {})]:
    with tf.Graph().as_default():
        r = tf.nn.quantized_conv2d(tf.constant(xi, tf.quint8), tf.constant(fi, tf.quint8), 0.0,
                                   1.0, 0.0, 1.0, strides, "SAME", **kwargs)
        with tf.Session() as sess:
            show_error(partial(sess.run, r))
            show_error_contains(partial(sess.run, r), "No OpKernel was registered to support Op")
with tf.Graph().as_default():
    r = tf.nn.quantized_conv2d(tf.constant(xi, tf.qint8), tf.constant(fi, tf.qint8), 0.0, 1.0,
                               0.0, 1.0, [1, 1, 1, 1], "SAME")
    print(r.output)
    with tf.Session() as sess:
        show_error_contains(partial(sess.run, r), "No OpKernel was registered to support Op")
with tf.Graph().as_default():
    r = tf.nn.quantized_conv2d(tf.constant(np.zeros([0, 3, 3, 2], np.uint8), tf.quint8),
                               tf.constant(fi, tf.quint8), 0.0, 1.0, 0.0, 1.0, [1, 1, 1, 1],
                               "SAME")
    print([t.shape for t in r])
    with tf.Session() as sess:
        show_error_contains(partial(sess.run, r),
                            "Shapes dimension cannot be 0")
