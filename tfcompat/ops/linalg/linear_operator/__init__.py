"""The ``tf.linalg.LinearOperator*`` classes: matrix-free operators built from graph ops."""
