# element_spec of datasets, iterators and optionals in graph mode; DatasetSpec.from_value;
# tf.data.experimental get_structure, from_variant and the *Structure aliases.
import collections

E = tf.data.experimental
sess = tf.Session()

ds = tf.data.Dataset.from_tensor_slices(({"a": np.arange(6).reshape(3, 2)}, [1., 2., 3.]))
print(ds.element_spec)
print(E.get_structure(ds))
it = tf.data.make_initializable_iterator(ds)
print(it.element_spec)
print(E.get_structure(it) == ds.element_spec)
show_error(E.get_structure, 3)
show_error_contains(lambda: E.get_structure(tf.constant(1)), "must be a `tf.data.Dataset`")

print(tf.data.Dataset.range(3).element_spec)
print(tf.data.Dataset.from_tensors(tf.placeholder(tf.float32, [None, 2])).element_spec)
print(tf.data.Dataset.range(5).batch(2).element_spec)
print(tf.data.Dataset.range(5).batch(2, drop_remainder=True).element_spec)
print(tf.data.Dataset.range(6).map(lambda x: (x, tf.strings.as_string(x))).window(2).element_spec)
sp = tf.SparseTensor([[0, 0]], [1.0], [2, 3])
print(tf.data.Dataset.from_tensors(sp).element_spec)
print(E.get_structure(tf.data.Dataset.from_tensors(sp).batch(4)))
Point = collections.namedtuple("Point", ["x", "y"])
print(tf.data.Dataset.from_tensors(Point(1, 2.5)).element_spec)
opt = E.Optional.from_value((tf.constant(1), tf.constant([1.0, 2.0])))
print(opt.element_spec)
gen_it = tf.data.Iterator.from_structure((tf.int64, tf.string), (tf.TensorShape([None]), []))
print(gen_it.element_spec)

spec = tf.data.DatasetSpec.from_value(ds)
print(repr(spec))
print(spec.element_spec == ds.element_spec, spec.value_type is not None)
print(tf.data.DatasetSpec.from_value(ds.batch(2)))
print(spec == tf.data.DatasetSpec.from_value(ds), spec == tf.data.DatasetSpec.from_value(
    ds.batch(2)), hash(spec) == hash(tf.data.DatasetSpec.from_value(ds)))
print(spec.is_compatible_with(tf.data.DatasetSpec.from_value(ds.map(lambda a, b: (a, b * 2)))))
print(spec.is_compatible_with(tf.data.DatasetSpec.from_value(ds.batch(2))))
print(spec.is_compatible_with(ds), spec.is_compatible_with(tf.data.Dataset.range(3)))
print(tf.data.DatasetSpec(tf.TensorSpec([2], tf.int32)), tf.data.DatasetSpec(
    tf.TensorSpec([2], tf.int32), [3]))
show_error(tf.data.DatasetSpec.from_value, 3)

print(E.Structure is tf.TypeSpec, E.DatasetStructure is tf.data.DatasetSpec)
print(E.OptionalStructure is tf.OptionalSpec)
print(E.TensorStructure(tf.float32, [2]))
print(E.SparseTensorStructure(tf.float32, [2, 3]))
print(E.TensorArrayStructure(tf.float32, [2], True, True))
print(E.TensorArrayStructure(tf.int32, None, False, True))

v = E.to_variant(ds)
print(v.op.type, v.dtype, v.shape)
ds2 = E.from_variant(v, ds.element_spec)
print(ds2.element_spec == ds.element_spec, tf.data.get_output_types(ds2),
      tf.data.get_output_shapes(ds2))
it2 = tf.data.make_initializable_iterator(ds2.map(lambda a, b: (a["a"] * 2, b)))
nxt = it2.get_next()
sess.run(it2.initializer)
print([x.tolist() for x in sess.run(nxt)], [x.tolist() for x in sess.run(nxt)])
sds = tf.data.Dataset.from_tensors(sp)
sparse_back = E.from_variant(E.to_variant(sds), sds.element_spec)
print(sparse_back.element_spec, tf.data.get_output_classes(sparse_back) is tf.SparseTensor)
print(sess.run(tf.data.make_one_shot_iterator(sparse_back).get_next()).values.tolist())
