# tf.OptimizerOptions (fields, defaults, enums) and tf.types.experimental.TensorLike.
o = tf.OptimizerOptions()
print(o.opt_level, o.do_constant_folding, o.global_jit_level, o.do_function_inlining,
      o.max_folded_constant_in_bytes, o.cpu_global_jit, o.do_common_subexpression_elimination)
print(tf.OptimizerOptions.L1, tf.OptimizerOptions.L0, tf.OptimizerOptions.ON_1,
      tf.OptimizerOptions.OFF, tf.OptimizerOptions.DEFAULT, tf.OptimizerOptions.ON_2)
o2 = tf.OptimizerOptions(opt_level=tf.OptimizerOptions.L0, do_function_inlining=True)
print(o2.opt_level, o2.do_function_inlining)
show_error(tf.OptimizerOptions, bogus=1)
print(int in tf.types.experimental.TensorLike.__args__,
      np.ndarray in tf.types.experimental.TensorLike.__args__)
