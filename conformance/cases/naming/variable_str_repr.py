# str and repr of Variables (identical, no device) and names of the ops a Variable creates.
v = tf.Variable(1.0, name='v')
w = tf.Variable([[1, 2, 3]], name='w')
with tf.device('/cpu:0'):
    x = tf.Variable(tf.zeros([2]), name='x')
for var in [v, w, x]:
    print(str(var), '|', repr(var), '|', var.name, var.op.name, var.op.type)
print([(op.name, op.type) for op in tf.get_default_graph().get_operations()])
print(v.initializer.name, v.initializer.type, v.value().name, v.read_value().name,
      v.initial_value.name, v.shape, v.get_shape())
