# Partitioners and partitioned variables: get_variable(partitioner=...) -> PartitionedVariable
# of "name/part_i" variables, reuse, conversion to a tensor, assign, create_partitioned_variables.
sess = tf.Session()
shape = tf.TensorShape([10, 4])
print(tf.fixed_size_partitioner(3)(shape=shape, dtype=tf.float32),
      tf.fixed_size_partitioner(3)(shape=tf.TensorShape([2, 4]), dtype=tf.float32),
      tf.fixed_size_partitioner(2, axis=1)(shape=shape, dtype=tf.float32))
print(tf.variable_axis_size_partitioner(64)(shape=shape, dtype=tf.float32),
      tf.variable_axis_size_partitioner(64, max_shards=2)(shape=shape, dtype=tf.float32),
      tf.variable_axis_size_partitioner(5, bytes_per_string_element=2)(shape=shape,
                                                                       dtype=tf.string),
      tf.variable_axis_size_partitioner(1000)(shape=shape, dtype=tf.float64),
      tf.variable_axis_size_partitioner(24, axis=1)(shape=shape, dtype=tf.int32))
print(tf.min_max_variable_partitioner(max_partitions=4, min_slice_size=32)(shape=shape,
                                                                          dtype=tf.float32),
      tf.min_max_variable_partitioner(max_partitions=100, min_slice_size=8)(shape=shape,
                                                                           dtype=tf.float32),
      tf.min_max_variable_partitioner()(shape=shape, dtype=tf.float32),
      tf.min_max_variable_partitioner(3, axis=1, min_slice_size=1)(shape=shape,
                                                                  dtype=tf.string))
show_error(tf.variable_axis_size_partitioner, 0)
show_error(tf.variable_axis_size_partitioner(4), shape=[1], dtype=tf.float32)
show_error(tf.variable_axis_size_partitioner(4), shape=tf.TensorShape([None]), dtype=tf.float32)
show_error(tf.min_max_variable_partitioner(), shape=[1], dtype=tf.float32)
with tf.variable_scope("scope", partitioner=tf.fixed_size_partitioner(3)):
    v = tf.get_variable("w", [7, 2], initializer=tf.constant_initializer(1.0))
print(type(v).__name__, v.name, v.dtype, v.get_shape(), v.shape, len(v))
print([x.name for x in v], [x.shape for x in v], v._get_partitions())
print([x.name for x in tf.global_variables()], [x.name for x in tf.trainable_variables()])
t = tf.convert_to_tensor(v)
print(t.op.type, t.op.name, t.shape, [i.op.type for i in t.op.inputs],
      [i.op.name for i in t.op.inputs])
print(v.as_tensor().op.name, tf.matmul(tf.ones([1, 7]), v).op.inputs[1].op.name)
sess.run(tf.global_variables_initializer())
print(sess.run(tf.matmul(tf.ones([1, 7]), v)))
u = tf.get_variable("u", [5], partitioner=tf.fixed_size_partitioner(2),
                    initializer=tf.zeros_initializer())
print(u.name, [x.name for x in u], [x.shape for x in u])
with tf.variable_scope("scope", reuse=True, partitioner=tf.fixed_size_partitioner(3)):
    print(tf.get_variable("w", [7, 2]) is v)
with tf.variable_scope("scope", reuse=True):
    print(type(tf.get_variable("w", [7, 2])).__name__)
show_error(tf.get_variable, "bad", [4, 4], partitioner=lambda shape, dtype: [2, 2])
show_error(tf.get_variable, "bad2", [4, 4], partitioner=lambda shape, dtype: [2])
show_error(tf.get_variable, "bad3", [4, 4], partitioner=lambda shape, dtype: [0, 1])
one = tf.get_variable("one", [4, 4], partitioner=lambda shape, dtype: [1, 1])
print(type(one).__name__, [y.name for y in one])
assign = v.assign(np.arange(14, dtype=np.float32).reshape(7, 2))
print(type(assign).__name__)
sess.run(assign)
print(sess.run(v.as_tensor()))
pv = tf.create_partitioned_variables([5, 2], [2, 1], tf.ones_initializer())
print(type(pv).__name__, [y.name for y in pv], [y.shape for y in pv])
pv = tf.create_partitioned_variables([5, 2], [1, 2], tf.ones_initializer(), name="named")
print([y.name for y in pv], [y.shape for y in pv])
show_error(tf.create_partitioned_variables, [5, 2], [1], tf.ones_initializer())
show_error(tf.create_partitioned_variables, [], [], tf.ones_initializer())
