# Core-op twin of tests/contrib/programs/xavier_mlp.py: the graph TF 1.15's
# tf.contrib.layers.fully_connected builds (variable scope fully_connected, weights/biases,
# xavier = glorot uniform with the same seed), trained a few steps.
tf.set_random_seed(7)
x = tf.placeholder(tf.float32, [None, 4], name="x")
y = tf.placeholder(tf.float32, [None, 2], name="y")


def fc(inputs, units, activation, scope):
    with tf.variable_scope(scope, default_name="fully_connected"):
        w = tf.get_variable("weights", [inputs.shape[-1].value, units],
                            initializer=tf.glorot_uniform_initializer(seed=3),
                            collections=[tf.GraphKeys.GLOBAL_VARIABLES,
                                         tf.GraphKeys.MODEL_VARIABLES])
        b = tf.get_variable("biases", [units], initializer=tf.zeros_initializer(),
                            collections=[tf.GraphKeys.GLOBAL_VARIABLES,
                                         tf.GraphKeys.MODEL_VARIABLES])
        out = tf.nn.bias_add(tf.matmul(inputs, w), b)
        return activation(out) if activation else out


h1 = fc(x, 8, tf.nn.relu, None)
h2 = fc(h1, 8, tf.nn.relu, None)
logits = fc(h2, 2, None, "logits")
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
