# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# The classic "tf.contrib.layers.xavier_initializer() MLP" (twin: conformance/cases/contrib).
tf.set_random_seed(7)
x = tf.placeholder(tf.float32, [None, 4], name="x")
y = tf.placeholder(tf.float32, [None, 2], name="y")
init = tf.contrib.layers.xavier_initializer(seed=3)
h1 = tf.contrib.layers.fully_connected(x, 8, weights_initializer=init)
h2 = tf.contrib.layers.fully_connected(h1, 8, weights_initializer=init)
logits = tf.contrib.layers.fully_connected(h2, 2, activation_fn=None, weights_initializer=init,
                                           scope="logits")
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
print(h1.name, h2.name, logits.name)
print([(v.name, v.shape.as_list()) for v in tf.model_variables()])
print([v.name for v in tf.trainable_variables()])
rng = np.random.RandomState(0)
xs = rng.randn(16, 4).astype(np.float32)
ys = np.eye(2, dtype=np.float32)[(xs[:, 0] + xs[:, 1] > 0).astype(int)]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run("fully_connected/weights:0"), 5))
    for step in range(5):
        _, value = sess.run([train, loss], {x: xs, y: ys})
        print(step, round(float(value), 5))
