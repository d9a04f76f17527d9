# tf.lookup tables initialized from datasets: DatasetInitializer, table_from_dataset and
# index_table_from_dataset (values, op names, construction and run-time errors).
E = tf.data.experimental
g = tf.get_default_graph()
keys = tf.data.Dataset.from_tensor_slices(["a", "b", "c"])
vals = tf.data.Dataset.range(10, 13)
pairs = tf.data.Dataset.zip((keys, vals))


def new_ops(start):
    return [f"{o.name}:{o.type}" for o in g.get_operations()[start:]]


init = E.DatasetInitializer(pairs)
print(init.key_dtype, init.value_dtype, init.dataset is pairs)
n = len(g.get_operations())
table = tf.lookup.StaticHashTable(init, -1)
out = table.lookup(tf.constant(["b", "z", "a"]))
print(new_ops(n))
print(table.key_dtype, table.value_dtype, out.name, out.shape)
print(init.initialize(table).name in [op.name for op in g.get_collection(
    tf.GraphKeys.TABLE_INITIALIZERS)])

n = len(g.get_operations())
t2 = E.table_from_dataset(pairs, num_oov_buckets=1, vocab_size=3, default_value=-1)
print(new_ops(n))
n = len(g.get_operations())
o2 = t2.lookup(tf.constant(["b", "z", "a"]))
print(new_ops(n))
print(t2.name, t2.key_dtype, t2.value_dtype, t2.size().name, o2.name)

t3 = E.index_table_from_dataset(keys, name="vocab")
print(t3.name, t3.key_dtype, t3.value_dtype, t3.default_value.name, t3.initializer.name)
o3 = t3.lookup(tf.constant([["c", "q"], ["a", "b"]]))
print(o3.shape)
t4 = E.index_table_from_dataset(tf.data.Dataset.range(5, 8), num_oov_buckets=3,
                                key_dtype=tf.int64)
o4 = t4.lookup(tf.constant([7, 100, 5, 9], tf.int64))
t5 = E.index_table_from_dataset(keys, num_oov_buckets=2, vocab_size=2, default_value=-1)
o5 = t5.lookup(tf.constant(["a", "b", "c", "d", "e"]))
t6 = E.table_from_dataset(pairs, vocab_size=2, default_value=0)
o6 = t6.lookup(tf.constant(["a", "b", "c"]))
sp = tf.SparseTensor([[0, 0], [1, 2]], ["c", "zz"], [2, 3])
o7 = t3.lookup(sp)

sess = tf.Session()
sess.run(tf.tables_initializer())
print(sess.run(out).tolist(), sess.run(o2).tolist(), sess.run(o3).tolist())
print(sess.run(o4).tolist(), sess.run(o5).tolist(), sess.run(o6).tolist())
print(sess.run(o7).values.tolist())
print(sess.run([table.size(), t2.size(), t3.size(), t4.size(), t5.size(), t6.size()]))
print([x.tolist() for x in sess.run(table.export())][0].__len__())

short = E.table_from_dataset(pairs, vocab_size=4)
dup = tf.lookup.StaticHashTable(E.DatasetInitializer(
    tf.data.Dataset.from_tensor_slices((["a", "a"], [1, 2]))), -1)
same = tf.lookup.StaticHashTable(E.DatasetInitializer(
    tf.data.Dataset.from_tensor_slices((["a", "a"], [1, 1]))), -1)
repeated = E.index_table_from_dataset(tf.data.Dataset.from_tensor_slices(["x", "y"]).repeat(2))
for t in (short, dup, same, repeated):
    try:
        sess.run(t.initializer)
        print("initialized", sess.run(t.size()))
    except tf.errors.OpError as e:
        print(type(e).__name__, [needle in e.message for needle in (
            "Input dataset was expected to contain 4 elements but contained only 3 elements.",
            "HashTable has different value for same key. Key a has 1 and trying to add value 2",
            "HashTable has different value for same key. Key x has 0 and trying to add value 2")])

mat = tf.data.Dataset.from_tensor_slices((np.array([["a", "b"]]), np.array([[1, 2]])))
vec_values = tf.data.Dataset.from_tensor_slices((["a"], np.array([[1, 2]])))
show_error(E.DatasetInitializer, keys)
show_error(E.DatasetInitializer, tf.data.Dataset.zip((keys, vals, vals)))
show_error(E.DatasetInitializer, mat)
show_error(E.DatasetInitializer, vec_values)
show_error(E.DatasetInitializer, 3)
show_error(E.table_from_dataset, None)
show_error(E.table_from_dataset, pairs, vocab_size=0)
show_error(E.table_from_dataset, pairs, num_oov_buckets=-1)
show_error(E.index_table_from_dataset, keys, key_dtype=tf.float32)
show_error(E.table_from_dataset, pairs, key_dtype=tf.int64, num_oov_buckets=1)
show_error(E.index_table_from_dataset, tf.data.Dataset.range(3).map(
    lambda x: tf.cast(x, tf.int32)), num_oov_buckets=1, key_dtype=tf.int32)
print(type(E.index_table_from_dataset(keys, key_dtype=tf.int64)).__name__.startswith(
    "StaticHashTable"))

