"""TF's platform layer: flags, app.run, logging, file I/O, tf.compat and the v1/v2 switches.

Each public module here is one TF namespace: ``flags`` (tf.flags, tf.app.flags), ``app`` (tf.app),
``tf_logging`` (tf.logging), ``gfile`` (tf.gfile), ``io_gfile`` (tf.io.gfile), ``compat``
(tf.compat) and ``switches`` (tf.disable_v2_behavior & co.).
"""
