# A small CNN trained with tf.layers and GradientDescent: constant initialisers, exact losses.
rng = np.random.RandomState(0)
images = rng.uniform(0, 1, [6, 8, 8, 1]).astype(np.float32)
labels = np.array([0, 1, 2, 1, 0, 2])
x = tf.placeholder(tf.float32, [None, 8, 8, 1], name="x")
y = tf.placeholder(tf.int64, [None], name="y")
init = tf.constant_initializer(rng.uniform(-0.3, 0.3, [3, 3, 1, 4]).astype(np.float32))
h = tf.layers.conv2d(x, 4, 3, padding="same", activation=tf.nn.relu, kernel_initializer=init,
                     bias_initializer=tf.constant_initializer(0.01))
h = tf.layers.max_pooling2d(h, 2, 2)
h = tf.layers.conv2d(h, 3, 2, kernel_initializer=tf.constant_initializer(
    rng.uniform(-0.3, 0.3, [2, 2, 4, 3]).astype(np.float32)), activation=tf.nn.relu)
h = tf.layers.average_pooling2d(h, 3, 3)
h = tf.layers.flatten(h)
logits = tf.layers.dense(h, 3, kernel_initializer=tf.constant_initializer(
    rng.uniform(-0.5, 0.5, [3, 3]).astype(np.float32)))
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
print(logits, loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(8):
        _, value = sess.run([train, loss], {x: images, y: labels})
        print(step, value)
    print(sess.run(tf.trainable_variables()[0])[:, :, 0, 0])
    print(sess.run(logits, {x: images}))
