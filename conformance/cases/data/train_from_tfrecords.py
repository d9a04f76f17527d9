# Train a linear model from TFRecords of tf.train.Examples read through tf.data.
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "train.tfrecord")
rng = np.random.RandomState(0)
with tf.python_io.TFRecordWriter(path) as writer:
    for _ in range(40):
        x = rng.uniform(-1, 1, size=3).astype(np.float32)
        y = float(x @ np.array([1.5, -2.0, 0.5]) + 0.3)
        example = tf.train.Example(features=tf.train.Features(feature={
            "x": tf.train.Feature(float_list=tf.train.FloatList(value=x)),
            "y": tf.train.Feature(float_list=tf.train.FloatList(value=[y]))}))
        writer.write(example.SerializeToString())


def parse(record):
    parsed = tf.parse_single_example(record, {"x": tf.FixedLenFeature([3], tf.float32),
                                              "y": tf.FixedLenFeature([1], tf.float32)})
    return parsed["x"], parsed["y"]


dataset = tf.data.TFRecordDataset([path]).map(parse).batch(8).repeat(3)
features, labels = dataset.make_one_shot_iterator().get_next()
print(features, labels)
w = tf.get_variable("w", [3, 1], initializer=tf.zeros_initializer())
b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
loss = tf.reduce_mean(tf.square(tf.matmul(features, w) + b - labels))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    step = 0
    while True:
        try:
            _, value = sess.run([train, loss])
        except tf.errors.OutOfRangeError:
            break
        if step % 3 == 0:
            print(step, round(float(value), 5))
        step += 1
    print("steps", step)
    print(np.round(sess.run(w).ravel(), 4), np.round(sess.run(b), 4))
