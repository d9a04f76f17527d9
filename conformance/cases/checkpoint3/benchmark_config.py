# tf.test.benchmark_config: Grappler's dependency optimization switched off in the session
# config's rewrite options (TF's RewriterConfig field numbers), and a session running with it.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
config = tf.test.benchmark_config()
rewrite = config.graph_options.rewrite_options
print(rewrite)
print(rewrite.SerializeToString().hex(), rewrite.dependency_optimization,
      rewrite.constant_folding, rewrite.OFF, rewrite.AGGRESSIVE)
rewrite.constant_folding = rewrite.ON
rewrite.optimizers.append("pruning")
print(rewrite.SerializeToString().hex())
with tf.Graph().as_default():
    with tf.Session(config=config) as sess:
        print(sess.run(tf.constant(2.0) * 3.0))
