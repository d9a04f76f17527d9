# Core-op twin of tests/contrib/programs/slim_cnn.py: TF-Slim's conv2d (scope Conv, 3x3 SAME,
# relu), max_pool2d (MaxPool2D), flatten (Flatten) and fully_connected as TF 1.15 documents
# them, trained a few steps with momentum.
tf.set_random_seed(11)
images = tf.placeholder(tf.float32, [None, 6, 6, 1], name="images")
labels = tf.placeholder(tf.int64, [None], name="labels")
MODEL = [tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES]
xavier = tf.glorot_uniform_initializer(seed=5)


def conv(inputs, filters, scope):
    with tf.variable_scope(scope, default_name="Conv"):
        w = tf.get_variable("weights", [3, 3, inputs.shape[-1].value, filters],
                            initializer=xavier, collections=MODEL)
        b = tf.get_variable("biases", [filters], initializer=tf.zeros_initializer(),
                            collections=MODEL)
        out = tf.nn.conv2d(inputs, w, [1, 1, 1, 1], "SAME", name="Conv2D")
        return tf.nn.relu(tf.nn.bias_add(out, b))


net = conv(images, 4, None)
net = conv(net, 4, None)
with tf.name_scope("MaxPool2D"):
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], "VALID", name="MaxPool")
with tf.name_scope("Flatten"):
    net = tf.layers.flatten(net)
with tf.variable_scope("logits"):
    w = tf.get_variable("weights", [net.shape[-1].value, 3], initializer=xavier,
                        collections=MODEL)
    b = tf.get_variable("biases", [3], initializer=tf.zeros_initializer(), collections=MODEL)
    logits = tf.nn.bias_add(tf.matmul(net, w), b)
loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
train = tf.train.MomentumOptimizer(0.1, 0.9).minimize(loss)
print(net.name, logits.name)
print([(v.name, v.shape.as_list()) for v in tf.global_variables()])
rng = np.random.RandomState(1)
xs = rng.rand(8, 6, 6, 1).astype(np.float32)
ys = rng.randint(0, 3, 8)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss], {images: xs, labels: ys})
        print(step, round(float(value), 5))
    print(np.round(sess.run(logits, {images: xs[:2]}), 4))
