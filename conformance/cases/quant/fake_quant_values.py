# Fake quantization: values over the nudged range (num_bits, narrow_range, ranges not containing
# 0, 16 bits), op types and names, static shapes, empty and scalar inputs.
x = tf.constant(np.linspace(-8, 8, 13).astype(np.float32))
sess = tf.Session()
out = tf.fake_quant_with_min_max_args(x, min=-6., max=6., num_bits=8)
print(out.op.type, out.op.name, out.dtype, out.shape, out.op.get_attr("num_bits"),
      out.op.get_attr("narrow_range"), out.op.get_attr("min"), out.op.get_attr("max"))
print(sess.run(out))
print(sess.run(tf.fake_quant_with_min_max_args(x, min=-1., max=2., num_bits=4, narrow_range=True)))
print(sess.run(tf.fake_quant_with_min_max_args(x, min=0.5, max=2.)))
print(sess.run(tf.fake_quant_with_min_max_args(x, min=-0.1, max=0.2, num_bits=16)))
print(sess.run(tf.fake_quant_with_min_max_args(x * 0.37, min=-2.3, max=1.7, num_bits=3)))
print(sess.run(tf.fake_quant_with_min_max_args(tf.zeros([0, 3]))).shape)
print(sess.run(tf.fake_quant_with_min_max_args(tf.constant(2.5))))
mn = tf.Variable(-3.0, name="mn")
mx = tf.Variable(4.0, name="mx")
sess.run([mn.initializer, mx.initializer])
out = tf.fake_quant_with_min_max_vars(x, mn, mx, num_bits=5)
print(out.op.type, out.op.name, out.shape)
print(sess.run(out))
print(sess.run(tf.fake_quant_with_min_max_vars(x, 0., 0.)))
print(sess.run(tf.fake_quant_with_min_max_vars(x, 3., 2.)))
print(sess.run(tf.fake_quant_with_min_max_vars(x * 0.013, -0.05, 0.07, narrow_range=True)))
xc = tf.constant(np.linspace(-3, 3, 12).reshape(4, 3).astype(np.float32))
out = tf.fake_quant_with_min_max_vars_per_channel(xc, [-1., -2., 0.], [1., 2., 0.5])
print(out.op.type, out.op.name, out.shape)
print(sess.run(out))
print(sess.run(tf.fake_quant_with_min_max_vars_per_channel(xc, [-1., -2., 0.3], [1., 2., 0.5],
                                                           num_bits=3, narrow_range=True)))
print(tf.fake_quant_with_min_max_vars_per_channel(
    tf.placeholder(tf.float32, [None, 3]), tf.placeholder(tf.float32),
    tf.placeholder(tf.float32)).shape)
print(tf.quantization.fake_quant_with_min_max_args is tf.fake_quant_with_min_max_args)
