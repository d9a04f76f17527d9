# from_list, RandomDataset, sample_from_datasets, dense_to_sparse_batch, device pass-throughs,
# parse_example_dataset and make_batched_features_dataset.
import os
import tempfile

E = tf.data.experimental
sess = tf.Session()


def drain(dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


fl = E.from_list([(1, b"a"), (2, b"b")])
print(fl._variant_tensor.op.type, tf.data.get_output_types(fl), tf.data.get_output_shapes(fl))
print(drain(fl), sess.run(E.cardinality(fl)))
fl2 = E.from_list([{"x": [1.0, 2.0]}, {"x": [3.0, 4.0]}, {"x": [5.0, 6.0]}])
print(tf.data.get_output_shapes(fl2), [d["x"].tolist() for d in drain(fl2)])
show_error(lambda: E.from_list([]))

rd = E.RandomDataset(seed=4)
print(rd._variant_tensor.op.type, rd.output_types, rd.output_shapes,
      sess.run(E.cardinality(rd)))
vals = drain(rd.take(5))
print(len(vals), len(set(int(v) for v in vals)), all(v >= 0 for v in vals))

a = tf.data.Dataset.range(0, 5)
b = tf.data.Dataset.range(100, 103)
mixed = drain(E.sample_from_datasets([a, b], seed=7))
print(sorted(int(v) for v in mixed))
print([int(v) for v in mixed if v < 100] == list(range(5)),
      [int(v) for v in mixed if v >= 100] == [100, 101, 102])
only = drain(E.sample_from_datasets([a, b], weights=[1.0, 0.0], seed=1))
print([int(v) for v in only])

sp = tf.data.Dataset.range(5).map(lambda x: tf.fill([x], x)).apply(
    E.dense_to_sparse_batch(2, [6]))
print(sp.output_types, sp.output_shapes, sp.output_classes.__name__, sp._variant_tensor.op.type)
for v in drain(sp):
    print(v.indices.tolist(), v.values.tolist(), v.dense_shape.tolist())
bad = tf.data.Dataset.range(5).map(lambda x: tf.fill([x], x)).apply(
    E.dense_to_sparse_batch(2, [3]))
bad_next = tf.data.make_one_shot_iterator(bad).get_next()
sess.run(bad_next)
sess.run(bad_next)
show_error(lambda: sess.run(bad_next))

tv = E.to_variant(tf.data.Dataset.range(3))
print(tv.op.type, tv.dtype)
print(drain(tf.data.Dataset.range(3).apply(E.copy_to_device("/cpu:0"))))
pd = tf.data.Dataset.range(3).apply(E.prefetch_to_device("/cpu:0"))
print(pd._variant_tensor.op.type, drain(pd))
print(drain(tf.data.Dataset.range(3).apply(E.snapshot(os.path.join(tempfile.mkdtemp(), "s")))))

d = tempfile.mkdtemp()
for shard in range(2):
    with tf.python_io.TFRecordWriter(os.path.join(d, f"part-{shard}.tfrecord")) as w:
        for i in range(3):
            ex = tf.train.Example(features=tf.train.Features(feature={
                "x": tf.train.Feature(float_list=tf.train.FloatList(value=[shard * 10.0 + i])),
                "label": tf.train.Feature(int64_list=tf.train.Int64List(value=[i % 2])),
                "tags": tf.train.Feature(bytes_list=tf.train.BytesList(
                    value=[b"t"] * (i + 1)))}))
            w.write(ex.SerializeToString())
features = {"x": tf.io.FixedLenFeature([], tf.float32),
            "label": tf.io.FixedLenFeature([], tf.int64),
            "tags": tf.io.VarLenFeature(tf.string)}
pe = tf.data.TFRecordDataset(os.path.join(d, "part-0.tfrecord")).batch(2).apply(
    E.parse_example_dataset(features))
print(sorted(tf.data.get_output_types(pe).items()))
print(sorted((k, str(v)) for k, v in tf.data.get_output_shapes(pe).items()))
for batch in drain(pe):
    print(batch["x"].tolist(), batch["label"].tolist(), batch["tags"].indices.tolist())
mb = E.make_batched_features_dataset(os.path.join(d, "part-*.tfrecord"), 4, features,
                                     label_key="label", num_epochs=1, shuffle=False)
print(tf.data.get_output_types(mb))
for feats, label in drain(mb):
    print(feats["x"].tolist(), label.tolist(), feats["tags"].dense_shape.tolist())
sp_it = tf.data.make_one_shot_iterator(sp)
print(sp_it.output_classes.__name__, sp_it.output_types, sp_it.output_shapes)
