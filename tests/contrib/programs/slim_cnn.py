# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# A TF-Slim CNN with arg_scope (twin: conformance/cases/contrib/slim_cnn.py).
slim = tf.contrib.slim
tf.set_random_seed(11)
images = tf.placeholder(tf.float32, [None, 6, 6, 1], name="images")
labels = tf.placeholder(tf.int64, [None], name="labels")
with slim.arg_scope([slim.conv2d, slim.fully_connected],
                    weights_initializer=slim.xavier_initializer(seed=5)):
    with slim.arg_scope([slim.conv2d], kernel_size=[3, 3], padding="SAME"):
        net = slim.conv2d(images, 4)
        net = slim.conv2d(net, 4)
    net = slim.max_pool2d(net, [2, 2])
    net = slim.flatten(net)
    logits = slim.fully_connected(net, 3, activation_fn=None, scope="logits")
loss = slim.losses.sparse_softmax_cross_entropy(logits, labels)
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
