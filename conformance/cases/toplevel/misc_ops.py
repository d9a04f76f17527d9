# Small top-level ops: timestamp, guarantee_const, parallel_stack, check_pinned, sparse_matmul,
# conv2d_backprop_*_v2 (no CPU kernel in TF): op types, names, shapes, values, gradients.
sess = tf.Session()


def grads(y, xs):
    try:
        return [None if g is None else (g.op.type, sess.run(g).tolist())
                for g in tf.gradients(y, xs)]
    except LookupError as e:
        return "LookupError: " + str(e)[:60]


x = tf.constant([[1., 2.], [3., 4.]], name="x")
t = tf.timestamp()
print(t.op.type, t.op.name, t.dtype, t.shape, sess.run(t) > 1.7e9)
print(tf.timestamp(name="ts").op.name, tf.timestamp().op.name)
g = tf.guarantee_const(x)
print(g.op.type, g.op.name, g.dtype, g.shape, sess.run(g).tolist(), grads(g, x))
p = tf.parallel_stack([x, x * 2])
print(p.op.type, p.op.name, p.shape, sess.run(p).tolist(), grads(p, x))
print(sorted((o.name, o.type) for o in tf.get_default_graph().get_operations()
             if o.name.startswith("parallel_stack")))
print(tf.parallel_stack([tf.constant(1), tf.constant(2)], name="ps").shape)
show_error(tf.parallel_stack, [x, tf.zeros([3])])
c = tf.check_pinned(x)
print(c.op.type, c.op.name, c.shape)
show_error_contains(lambda: sess.run(c), "not pinned")
a = tf.constant([[1., 0., 2.], [0., 0., 3.]], name="a")
b = tf.constant([[1., 2.], [3., 4.], [5., 6.]], name="b")
m = tf.sparse_matmul(a, b, a_is_sparse=True)
print(m.op.type, m.op.name, m.dtype, m.shape, sess.run(m).tolist(), grads(m, [a, b]))
m = tf.sparse_matmul(b, a, transpose_a=True, transpose_b=True)
print(m.shape, sess.run(m).tolist(), grads(m, [a, b]))
m = tf.sparse_matmul(a, b, b_is_sparse=True)
print(grads(m * m, [a, b]))
print(tf.sparse_matmul(a, tf.cast(b, tf.bfloat16)).dtype)
show_error(tf.sparse_matmul, tf.constant([[1.]], tf.float64), tf.constant([[1.]], tf.float64))
print(tf.sparse_matmul(tf.placeholder(tf.float32, [None, 3]), b).shape)
show_error(tf.sparse_matmul, a, a)
for v2 in [tf.conv2d_backprop_filter_v2, tf.conv2d_backprop_input_v2]:
    with tf.Graph().as_default():  # a kernel-less op fails the whole graph's session in TF
        inp = tf.constant(np.arange(150, dtype=np.float32).reshape(2, 5, 5, 3) / 100)
        flt = tf.constant(np.arange(108, dtype=np.float32).reshape(3, 3, 3, 4) / 100)
        out = v2(inp, flt, tf.ones([2, 3, 3, 4]), [1, 1, 1, 1], "VALID")
        print(out.op.type, out.op.name, out.shape, out.op.get_attr("use_cudnn_on_gpu"))
        print(v2(tf.placeholder(tf.float32), flt, tf.ones([2, 3, 3, 4]), [1, 1, 1, 1],
                 "VALID").shape)
        try:
            tf.gradients(out, [inp])
        except LookupError as e:
            print("LookupError", str(e)[:60])
        with tf.Session() as sess2:
            show_error_contains(lambda out=out, sess2=sess2: sess2.run(out),
                                f"No OpKernel was registered to support Op '{out.op.type}'")
