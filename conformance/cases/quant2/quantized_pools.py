# tf.nn.quantized_avg_pool / quantized_max_pool: values (rounding of the mean), min/max
# pass-through, op types and names, static shapes and errors.
from functools import partial

x = (np.arange(1 * 4 * 4 * 2, dtype=np.uint8) * 7).reshape(1, 4, 4, 2)
v = np.array([0, 1, 0, 0, 1, 1, 0, 0, 2, 3, 0, 0, 254, 255, 0, 0], np.uint8).reshape(1, 4, 4, 1)
v8 = np.array([-3, -2, 1, 2, -1, -2, 0, 0, 5, 6, -7, -8, 127, -128, 3, -3],
              np.int8).reshape(1, 4, 4, 1)
rng = np.random.RandomState(3)
big = rng.randint(0, 256, [2, 7, 6, 3]).astype(np.uint8)
with tf.Graph().as_default():
    xq = tf.constant(x, tf.quint8)
    runs = []
    for fn in [tf.nn.quantized_avg_pool, tf.nn.quantized_max_pool]:
        for pad in ["VALID", "SAME"]:
            r = fn(xq, 0.0, 10.0, [1, 3, 3, 1], [1, 2, 2, 1], pad)
            print(r)
            print(r.output.op.type, r.output.op.name, [t.shape for t in r])
            runs.append(r)
            for k, s in [([1, 2, 2, 1], [1, 2, 2, 1]), ([1, 3, 3, 1], [1, 1, 1, 1]),
                         ([1, 3, 2, 1], [1, 2, 1, 1]), ([1, 5, 5, 1], [1, 3, 3, 1])]:
                if pad == "VALID" and k[1] > 4:
                    continue
                runs.append(fn(tf.constant(v, tf.quint8), -1.0, 1.0, k, s, pad))
                runs.append(fn(tf.constant(v8, tf.qint8), -1.0, 1.0, k, s, pad))
                runs.append(fn(tf.constant(big, tf.quint8), -3.0, 2.5, k, s, pad))
    runs.append(tf.nn.quantized_avg_pool(xq, 5.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID"))
    runs.append(tf.nn.quantized_max_pool(xq, 2.0, 2.0, [1, 1, 1, 1], [1, 1, 1, 1], "VALID"))
    print(tf.nn.quantized_avg_pool(xq, 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID",
                                   name="pp").output.op.name)
    print(xq.graph.get_operations()[3].node_def)
    with tf.Session() as sess:
        for r in runs:
            out, lo, hi = sess.run(r)
            print(out.dtype, out.shape, out[..., 0].tolist(), lo, hi)
    p = tf.placeholder(tf.quint8, [None, None, 5, 3])
    print([t.shape for t in tf.nn.quantized_avg_pool(p, 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1],
                                                     "SAME")])
    print([t.shape for t in tf.nn.quantized_max_pool(p, 0.0, 1.0, [1, 2, 3, 1], [1, 1, 2, 1],
                                                     "VALID")])
    print([t.shape for t in tf.nn.quantized_max_pool(tf.placeholder(tf.quint8), 0.0, 1.0,
                                                     [1, 2, 2, 1], [1, 2, 2, 1], "SAME")])
    mp, ap = tf.nn.quantized_max_pool, tf.nn.quantized_avg_pool
    show_error(mp, tf.placeholder(tf.quint8, [2, 2, 2]), 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1],
               "SAME")
    show_error(mp, tf.placeholder(tf.float32, [1, 2, 2, 1]), 0.0, 1.0, [1, 2, 2, 1],
               [1, 2, 2, 1], "SAME")
    show_error(ap, tf.constant(x), 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    show_error(mp, xq, [0.0], 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    show_error(ap, xq, 0.0, [[1.0]], [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    show_error(mp, xq, 0.0, 1.0, [1, 2, 2], [1, 2, 2, 1], "SAME")
    show_error(ap, xq, 0.0, 1.0, [1, 2, 2], [1, 2, 2, 1], "SAME")
    show_error(mp, xq, 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2], "SAME")
    show_error(mp, xq, 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "FOO")
    show_error(ap, xq, 0.0, 1.0, [1, 5, 5, 1], [1, 1, 1, 1], "VALID")
    show_error(ap, xq, 0, 1, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    m = tf.placeholder(tf.float32, [])
    r = mp(xq, m, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    show_error(tf.gradients, r.min_output, m)
    r = ap(xq, m, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    show_error(tf.gradients, r.max_output, m)

for fn in ["quantized_avg_pool", "quantized_max_pool"]:
    for dtype, value in [(tf.qint32, x), (tf.quint16, x)]:
        with tf.Graph().as_default():
            r = getattr(tf.nn, fn)(tf.constant(value, dtype), 0.0, 1.0, [1, 2, 2, 1],
                                   [1, 1, 1, 1], "VALID")
            with tf.Session() as sess:
                show_error_contains(partial(sess.run, r), "No OpKernel was registered")
    for ksize, strides in [([2, 2, 2, 1], [1, 2, 2, 1]), ([1, 2, 2, 1], [2, 2, 2, 1]),
                           ([1, 2, 2, 2], [1, 2, 2, 1])]:
        with tf.Graph().as_default():
            r = getattr(tf.nn, fn)(tf.constant(x, tf.quint8), 0.0, 1.0, ksize, strides, "SAME")
            with tf.Session() as sess:
                show_error_contains(partial(sess.run, r), "not yet supported on the batch")
                show_error_contains(partial(sess.run, r), "exactly one of pooling across depth")
    with tf.Graph().as_default():
        m = tf.placeholder(tf.float32)
        r = getattr(tf.nn, fn)(tf.constant(x, tf.quint8), m, 1.0, [1, 2, 2, 1], [1, 2, 2, 1],
                               "VALID")
        with tf.Session() as sess:
            show_error_contains(partial(sess.run, r, {m: [0.5]}),
                                "min_input shape must be rank 0 but is rank 1, "
                                "received shape: [1]")
            print(sess.run(r, {m: 0.5})[1:])
    with tf.Graph().as_default():
        r = getattr(tf.nn, fn)(tf.constant(np.zeros([0, 4, 4, 1], np.uint8), tf.quint8), 0.0,
                               1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
        print([t.shape for t in r])
        with tf.Session() as sess:
            show_error_contains(partial(sess.run, r), "Missing 1-th output")
