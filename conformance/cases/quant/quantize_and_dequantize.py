# tf.quantization.quantize_and_dequantize (QuantizeAndDequantizeV2) and _v2 (V4): values for
# signed/unsigned, given/computed ranges, bit widths, narrow range, rounding; gradients.
sess = tf.Session()
x = tf.constant(np.linspace(-3, 5, 11).astype(np.float32), name="x")
for kwargs in [dict(range_given=False), dict(range_given=True), dict(signed_input=False,
                                                                  range_given=True),
               dict(num_bits=4),
               dict(num_bits=3, narrow_range=True), dict(round_mode="HALF_UP"),
               dict(signed_input=False, range_given=True, num_bits=2)]:
    for fn in [tf.quantization.quantize_and_dequantize,
               tf.quantization.quantize_and_dequantize_v2]:
        out = fn(x, -2.0, 4.0, **kwargs)
        print(out.op.type, np.round(sess.run(out), 5).tolist())
out = tf.quantization.quantize_and_dequantize(x, -2.0, 4.0, range_given=True)
print(out.op.name, out.shape, out.dtype)
print(sess.run(tf.gradients(out * 2.0, x)[0]).tolist())
out2 = tf.quantization.quantize_and_dequantize_v2(x, -2.0, 4.0, range_given=True)
g = tf.gradients(out2 * 2.0, x)[0]
print(out2.op.name, g.op.type, sess.run(g).tolist())
d64 = tf.quantization.quantize_and_dequantize(tf.constant([0.1, 0.7], tf.float64), 0., 1.,
                                              range_given=True, num_bits=3)
print(d64.dtype, sess.run(d64).tolist())
print(sess.run(tf.quantization.quantize_and_dequantize(tf.zeros([0]), 0., 1.)).shape)
show_error_contains(lambda: sess.run(tf.quantization.quantize_and_dequantize(
    x, 4.0, -2.0, range_given=True)), "Invalid range")
