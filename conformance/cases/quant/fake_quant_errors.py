# Fake-quant errors: dtype, range ranks, per-channel widths at graph build; bad attributes
# (min >= max, num_bits) when the kernel runs.
x = tf.constant(np.linspace(-8, 8, 13).astype(np.float32))
sess = tf.Session()
show_error(tf.fake_quant_with_min_max_args, tf.constant([1., 2.], tf.float64))
show_error(tf.fake_quant_with_min_max_vars, x, [1.], [2.])
show_error(tf.fake_quant_with_min_max_vars_per_channel, tf.zeros([2, 3]), [1., 2.], [2., 3.])
show_error(tf.fake_quant_with_min_max_vars_per_channel, tf.zeros([2, 3]), 1., 2.)
show_error(tf.fake_quant_with_min_max_vars_per_channel, tf.zeros([]), [1.], [2.])
for build, needle in [
        (lambda: tf.fake_quant_with_min_max_args(x, min=2., max=1.),
         "min has to be smaller than max, was: 2 >= 1"),
        (lambda: tf.fake_quant_with_min_max_args(x, min=0., max=0.),
         "min has to be smaller than max, was: 0 >= 0"),
        (lambda: tf.fake_quant_with_min_max_args(x, num_bits=1),
         "num_bits must be between 2 and 16, inclusive"),
        (lambda: tf.fake_quant_with_min_max_vars(x, 0., 1., num_bits=17),
         "num_bits must be between 2 and 16, inclusive"),
        (lambda: tf.fake_quant_with_min_max_args_gradient(x, x, num_bits=20),
         "num_bits must be between 2 and 16, inclusive")]:
    show_error_contains(lambda build=build: sess.run(build()), needle)
