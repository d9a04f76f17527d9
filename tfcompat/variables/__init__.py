"""Variables: tf.Variable, get_variable/variable_scope and initializers."""
