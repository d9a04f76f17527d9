# tf.lookup.StaticHashTable over a KeyValueTensorInitializer: op types and names, the
# TABLE_INITIALIZERS collection, tables_initializer, lookup of dense and sparse keys, size,
# export, errors.
sess = tf.Session()
init = tf.lookup.KeyValueTensorInitializer(["a", "b", "c"], [1, 2, 3])
print(type(init).__name__, init.key_dtype, init.value_dtype)
table = tf.lookup.StaticHashTable(init, -1)
print(table.resource_handle.op.type, table.resource_handle.op.name, table.resource_handle.dtype,
      table.resource_handle.shape, table.name, table.key_dtype, table.value_dtype)
print(table.default_value)
print(sorted((o.name, o.type) for o in tf.get_default_graph().get_operations()))
print(tf.get_collection(tf.GraphKeys.TABLE_INITIALIZERS))
out = table.lookup(tf.constant(["a", "z", "c"]))
print(out.op.type, out.op.name, out.dtype, out.shape)
size = table.size()
print(size.op.type, size.op.name, size.dtype, size.shape)
keys, values = table.export()
print(keys.op.type, keys.op.name, keys.dtype, keys.shape, values.dtype, values.shape)
show_error_contains(lambda: sess.run(out), "Table not initialized.")
init_op = tf.tables_initializer()
print(init_op.type, init_op.name)
sess.run(init_op)
print(sess.run([out, size]))
k, v = sess.run([keys, values])
print(sorted(zip(k.tolist(), v.tolist())))
print(sess.run(table.lookup(tf.constant([["b", "b"], ["q", "a"]]))))
sparse = table.lookup(tf.SparseTensor([[0, 0], [1, 2]], ["c", "x"], [2, 3]))
print(type(sparse).__name__, sess.run(sparse))
show_error(table.lookup, tf.constant([1]))
floats = tf.lookup.StaticHashTable(
    tf.lookup.KeyValueTensorInitializer([1, 2], [1.5, 2.5], key_dtype=tf.int64), 0.0)
print(floats.key_dtype, floats.value_dtype, floats.resource_handle.op.name)
sess.run(tf.tables_initializer())
print(sess.run(floats.lookup(tf.constant([1, 3, 2], tf.int64))))
print(tf.initialize_all_tables().name, tf.initializers.tables_initializer().name,
      tf.tables_initializer(name="my_init").name)
with tf.Graph().as_default():
    print(tf.tables_initializer().type)
named = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(
    [b"x"], [7], name="kv"), 0, name="my_table")
print(named.name, named.resource_handle.op.name, named.lookup(tf.constant(["x"])).op.name,
      tf.get_collection(tf.GraphKeys.TABLE_INITIALIZERS)[-1].name)
show_error(tf.lookup.StaticHashTable, init, 1.5)
print(type(tf.lookup.KeyValueTensorInitializer(["a", "b"], [1])).__name__)
