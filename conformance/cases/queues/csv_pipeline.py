# The classic TF1 lesson: read a CSV through string_input_producer + TextLineReader +
# decode_csv + tf.train.batch, driven by queue runners and a Coordinator.
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "iris.csv")
with open(path, "w") as f:
    f.write("sepal,petal,label\n")
    for i in range(10):
        f.write(f"{i * 0.5:.1f},{(i * 7) % 5 + 0.25},{i % 3}\n")

filename_queue = tf.train.string_input_producer([path], num_epochs=2, shuffle=False)
print(filename_queue.name, filename_queue.queue_ref.op.type)
reader = tf.TextLineReader(skip_header_lines=1)
key, value = reader.read(filename_queue)
print(reader.reader_ref.op.name, reader.reader_ref.op.type, key.name, value.name)
sepal, petal, label = tf.decode_csv(value, record_defaults=[[0.0], [0.0], [0]])
print(sepal.name, sepal.dtype, sepal.shape, label.dtype)
features = tf.stack([sepal, petal])
batch_x, batch_y = tf.train.batch([features, label], batch_size=4)
print(batch_x.name, batch_x.shape, batch_y.shape)
print(sorted(qr.name for qr in tf.get_collection(tf.GraphKeys.QUEUE_RUNNERS)))
total = tf.reduce_sum(batch_x)

with tf.Session() as sess:
    sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    try:
        step = 0
        while not coord.should_stop():
            x, y, t = sess.run([batch_x, batch_y, total])
            print(step, x.tolist(), y.tolist(), round(float(t), 4))
            step += 1
    except tf.errors.OutOfRangeError as e:
        print("done after", step, "batches:", type(e).__name__)
    finally:
        coord.request_stop()
    coord.join(threads)
    print("joined", coord.joined)
