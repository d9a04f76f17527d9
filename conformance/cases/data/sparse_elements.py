# tf.data pipelines whose elements hold SparseTensors (VarLenFeature), batched and densified.
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "d.tfrecord")
with tf.python_io.TFRecordWriter(path) as w:
    for i in range(5):
        w.write(tf.train.Example(features=tf.train.Features(feature={
            "ids": tf.train.Feature(int64_list=tf.train.Int64List(value=list(range(i % 3 + 1)))),
            "y": tf.train.Feature(float_list=tf.train.FloatList(value=[i]))}))
                .SerializeToString())


def parse(record):
    parsed = tf.parse_single_example(record, {"ids": tf.VarLenFeature(tf.int64),
                                              "y": tf.FixedLenFeature([], tf.float32)})
    return parsed["ids"], parsed["y"]


ds = tf.data.TFRecordDataset(path).map(parse)
print(ds.output_types, ds.output_shapes)
print([c.__name__ for c in ds.output_classes])
batched = ds.batch(2)
print(batched.output_shapes)
ids, y = batched.make_one_shot_iterator().get_next()
print(ids, y)
dense = tf.sparse_tensor_to_dense(ids, default_value=-1)
total = tf.sparse_reduce_sum(ids, axis=1)
with tf.Session() as sess:
    while True:
        try:
            print(sess.run([dense, total, y]))
        except tf.errors.OutOfRangeError:
            break
    it = ds.filter(lambda i, v: v > 2).make_one_shot_iterator().get_next()
    print(sess.run(it))
