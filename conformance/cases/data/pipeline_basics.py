# tf.data in graph mode: sources, transformations, structures, iterators, end of sequence.
sess = tf.Session()


def drain(dataset, limit=50):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    for _ in range(limit):
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            break
    return out


ds = tf.data.Dataset.from_tensor_slices({"a": [1, 2, 3], "b": [[1., 2.], [3., 4.], [5., 6.]]})
print(ds.output_types, ds.output_shapes)
print(ds._variant_tensor.op.name, ds._variant_tensor.op.type)
m = ds.map(lambda d: (d["a"] * 2, d["b"]))
print(m.output_types, m.output_shapes, m._variant_tensor.op.type)
b = m.batch(2)
print(b.output_shapes, b._variant_tensor.op.type, [i.op.name for i in b._variant_tensor.op.inputs])
print(m.batch(2, drop_remainder=True).output_shapes)
it = b.make_one_shot_iterator()
nx = it.get_next()
print(nx, it._iterator_resource.op.type)
print(sess.run(nx))
print(sess.run(nx))
show_error(sess.run, nx)
print(drain(tf.data.Dataset.range(10).filter(lambda v: v % 3 == 0)))
print(drain(tf.data.Dataset.range(2, 11, 3).repeat(2).skip(1).take(4)))
print(drain(tf.data.Dataset.range(4).flat_map(
    lambda v: tf.data.Dataset.from_tensors(v).repeat(v))))
print(drain(tf.data.Dataset.range(1, 4).interleave(
    lambda v: tf.data.Dataset.from_tensors(v).repeat(v), cycle_length=2, block_length=1)))
pb = tf.data.Dataset.range(1, 5).map(lambda v: tf.fill([v], v))
pb = pb.padded_batch(2, padded_shapes=[None])
print(pb.output_shapes, drain(pb))
letters = tf.data.Dataset.from_tensor_slices(["a", "b", "c"])
z = tf.data.Dataset.zip((tf.data.Dataset.range(3), letters))
print(z.output_types, drain(z))
print(drain(tf.data.Dataset.range(3).concatenate(tf.data.Dataset.range(7, 9))))
print(drain(tf.data.Dataset.from_tensor_slices([5, 6]).enumerate()))
print(drain(tf.data.Dataset.from_tensors([[1, 2], [3, 4]]).unbatch()))
print(drain(tf.data.Dataset.range(3).cache().repeat(2)))
red = tf.data.Dataset.range(5).reduce(tf.constant(0, tf.int64), lambda a, v: a + v)
print(red, sess.run(red))
gen = tf.data.Dataset.from_generator(lambda: iter([[1, 2], [3, 4]]), tf.int32,
                                     tf.TensorShape([2]))
print(gen.output_shapes, drain(gen))
print(drain(tf.data.Dataset.range(5).apply(
    tf.data.experimental.map_and_batch(lambda v: v * 10, 2))))
print(sorted(int(v) for v in drain(tf.data.Dataset.range(6).shuffle(6, seed=3))))
print(sorted(int(v) for v in drain(tf.data.Dataset.range(3).apply(
    tf.data.experimental.shuffle_and_repeat(3, count=2, seed=1)))))
print(drain(tf.data.Dataset.range(3).map(lambda v: v + 1,
                                         num_parallel_calls=tf.data.experimental.AUTOTUNE)))
x = tf.placeholder(tf.int64, [])
it2 = tf.data.Dataset.range(x).make_initializable_iterator()
n2 = it2.get_next()
print(it2.initializer.name, it2.initializer.type)
sess.run(it2.initializer, {x: 3})
print([sess.run(n2) for _ in range(3)])
show_error(sess.run, n2)
sess.run(it2.initializer, {x: 1})
print(sess.run(n2))
show_error(sess.run, tf.data.Dataset.range(3).make_initializable_iterator().get_next())
show_error(tf.data.Dataset.range(x).make_one_shot_iterator)
st = tf.data.Iterator.from_structure(tf.int64, tf.TensorShape([]))
nst = st.get_next()
sess.run(st.make_initializer(tf.data.Dataset.range(2)))
print(sess.run(nst), sess.run(nst))
sess.run(st.make_initializer(tf.data.Dataset.range(5, 7)))
print(sess.run(nst))
handle = tf.placeholder(tf.string, [])
feedable = tf.data.Iterator.from_string_handle(handle, tf.int64, tf.TensorShape([]))
fnext = feedable.get_next()
train_it = tf.data.Dataset.range(100, 103).make_one_shot_iterator()
val_it = tf.data.Dataset.range(200, 203).make_one_shot_iterator()
th, vh = sess.run([train_it.string_handle(), val_it.string_handle()])
print(sess.run(fnext, {handle: th}), sess.run(fnext, {handle: vh}), sess.run(fnext, {handle: th}))
print(tf.data.get_output_types(ds), tf.data.get_output_shapes(b))
