# Whole training graphs of tf.layers models with tf.losses and Adam (dense with relu, conv and
# pooling with flatten, batch normalization in training mode, softmax cross-entropy and mean
# squared error): every op's type and name in creation order, and the losses of three steps.


def dense(x, y):
    return tf.reduce_mean(tf.layers.dense(x, 3, activation=tf.nn.relu))


def conv(x, y):
    h = tf.layers.conv2d(tf.reshape(x, [-1, 3, 2, 1]), 4, 3, padding="same",
                         activation=tf.nn.relu)
    h = tf.layers.max_pooling2d(h, 2, 2, padding="same")
    return tf.reduce_mean(tf.layers.dense(tf.layers.flatten(h), 2))


def batch_norm(x, y):
    return tf.reduce_sum(tf.layers.batch_normalization(x, training=True))


def xent(x, y):
    return tf.losses.softmax_cross_entropy(y, tf.layers.dense(x, 3))


def mse(x, y):
    return tf.losses.mean_squared_error(y[:, :1], tf.layers.dense(x, 1))


rng = np.random.RandomState(9)
xs = rng.rand(5, 6).astype(np.float32)
ys = np.eye(3, dtype=np.float32)[rng.randint(0, 3, 5)]
for build in (dense, conv, batch_norm, xent, mse):
    g = tf.Graph()
    with g.as_default():
        tf.set_random_seed(3)
        x = tf.placeholder(tf.float32, [None, 6], name="x")
        y = tf.placeholder(tf.float32, [None, 3], name="y")
        loss = build(x, y)
        train = tf.train.AdamOptimizer(0.01).minimize(loss)
        names = [f"{op.type}:{op.name}" for op in g.get_operations()]
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            losses = [round(float(sess.run([train, loss], {x: xs, y: ys})[1]), 4)
                      for _ in range(3)]
    print(build.__name__, len(names), losses)
    for start in range(0, len(names), 8):
        print("  ", " ".join(names[start:start + 8]))
