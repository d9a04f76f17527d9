# Empty lists, Python floats in xs, and None ys/xs.
a = tf.constant(1.0, name='a')
y = a * 3.0
print(tf.gradients(y, []))
print(tf.gradients([], a))
print(tf.gradients(y, [2.0]))
show_error(tf.gradients, y, None)
show_error(tf.gradients, None, a)
show_error(tf.gradients, y, [a, None])
show_error(tf.gradients, y, 'a:0')
print([op.name for op in tf.get_default_graph().get_operations() if 'gradients' in op.name][:4])
