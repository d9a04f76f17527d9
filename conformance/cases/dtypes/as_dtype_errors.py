# Unknown dtype specs raise TypeError.
show_error(tf.as_dtype, 'foo')
show_error(tf.as_dtype, 'float')
show_error(tf.as_dtype, 3.5)
show_error(tf.as_dtype, None)
