# TFRecords of tf.train.Examples with variable-length features, read through a
# TFRecordReader + queue runners, parsed with VarLenFeature and densified per batch.
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.tfrecord")
with tf.python_io.TFRecordWriter(path) as writer:
    for i in range(6):
        example = tf.train.Example(features=tf.train.Features(feature={
            "ids": tf.train.Feature(int64_list=tf.train.Int64List(value=list(range(i % 3 + 1)))),
            "label": tf.train.Feature(float_list=tf.train.FloatList(value=[i * 0.5])),
            "name": tf.train.Feature(bytes_list=tf.train.BytesList(value=[b"ex%d" % i]))}))
        writer.write(example.SerializeToString())

queue = tf.train.string_input_producer([path], num_epochs=1, shuffle=False)
_, serialized = tf.TFRecordReader().read(queue)
batch = tf.train.batch([serialized], batch_size=4, allow_smaller_final_batch=True)
parsed = tf.parse_example(batch, {"ids": tf.VarLenFeature(tf.int64),
                                  "label": tf.FixedLenFeature([], tf.float32),
                                  "name": tf.FixedLenFeature([], tf.string)})
dense_ids = tf.sparse_tensor_to_dense(parsed["ids"], default_value=-1)
id_sum = tf.sparse_reduce_sum(parsed["ids"], axis=1)
print(batch, dense_ids, id_sum)
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess, coord)
    try:
        while not coord.should_stop():
            ids, sums, labels, names = sess.run([dense_ids, id_sum, parsed["label"],
                                                 parsed["name"]])
            print(ids.tolist(), sums.tolist(), labels.tolist(), names.tolist())
    except tf.errors.OutOfRangeError:
        print("end of input")
    finally:
        coord.request_stop()
    coord.join(threads)
