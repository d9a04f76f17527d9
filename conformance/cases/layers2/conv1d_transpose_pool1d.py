# tf.layers conv1d (same/valid/causal, dilation), conv2d_transpose (same/valid, strides),
# max/average_pooling1d: output tensors, op names/types, variables, values, gradients.
tf.set_random_seed(3)
x1 = tf.constant(np.arange(2 * 7 * 3, dtype=np.float32).reshape(2, 7, 3) / 10)
x2 = tf.constant(np.arange(2 * 5 * 5 * 3, dtype=np.float32).reshape(2, 5, 5, 3) / 50)
outs = []
for f in [lambda: tf.layers.conv1d(x1, 4, 3, padding="same"),
          lambda: tf.layers.conv1d(x1, 2, 2, strides=2, activation=tf.nn.relu, name="c1"),
          lambda: tf.layers.conv1d(x1, 2, 3, padding="causal",
                                   use_bias=False),
          lambda: tf.layers.max_pooling1d(x1, 2, 2),
          lambda: tf.layers.average_pooling1d(x1, 3, 2, padding="same"),
          lambda: tf.layers.conv2d_transpose(x2, 2, 3, strides=2, padding="same"),
          lambda: tf.layers.conv2d_transpose(x2, 2, (2, 3), strides=(1, 2), padding="valid",
                                             use_bias=False),
          lambda: tf.layers.Conv2DTranspose(3, 1, bias_initializer=tf.ones_initializer())(x2)]:
    n0 = len(tf.get_default_graph().get_operations())
    y = f()
    outs.append(y)
    print(y, [(o.name, o.type) for o in tf.get_default_graph().get_operations()[n0:]
              if "Initializer" not in o.name])
print(tf.trainable_variables())
model_vars = tf.trainable_variables()
layer = tf.layers.Conv1D(2, 1, name="named")
print(layer.name, layer.input_spec)
y = layer(x1)
print(layer.kernel, layer.bias, layer.input_spec, y)
loss = tf.add_n([tf.reduce_sum(tf.square(o)) for o in outs])
grads = tf.gradients(loss, model_vars)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in sess.run(outs):
        print(np.round(v, 4).tolist())
    for g in sess.run(grads):
        print(np.round(g, 3).tolist())
show_error(tf.layers.conv1d, tf.zeros([2, 3]), 1, 1)
show_error(tf.layers.conv2d_transpose, tf.zeros([2, 3, 3]), 1, 1)
show_error(tf.layers.max_pooling1d, tf.zeros([2, 3, 3, 1]), 1, 1)
