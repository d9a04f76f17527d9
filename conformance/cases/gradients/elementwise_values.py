# Gradient values of elementwise ops at fixed points (float32).
x = tf.constant([0.5, 1.0, 2.0], name='x')
y = tf.constant([1.5, -0.5, 3.0], name='y')
fns = {'neg': -x, 'abs': tf.abs(y), 'square': tf.square(x), 'sqrt': tf.sqrt(x),
       'rsqrt': tf.rsqrt(x), 'exp': tf.exp(x), 'log': tf.log(x), 'log1p': tf.log1p(x),
       'sin': tf.sin(x), 'cos': tf.cos(x), 'tanh': tf.tanh(x), 'sigmoid': tf.sigmoid(x),
       'reciprocal': tf.reciprocal(x), 'relu': tf.nn.relu(y), 'pow_x': tf.pow(x, 3.0),
       'mul': x * y, 'div': x / y, 'sub': x - y, 'add': x + y, 'max': tf.maximum(x, y),
       'min': tf.minimum(x, y), 'sqdiff': tf.squared_difference(x, y), 'pow_xy': tf.pow(x, y),
       'clip': tf.clip_by_value(y, 0.0, 2.0), 'identity': tf.identity(x),
       'cast64': tf.cast(tf.cast(x, tf.float64) * 2.0, tf.float32)}
grads = {k: tf.gradients(f, [x, y], unconnected_gradients='zero') for k, f in fns.items()}
with tf.Session() as sess:
    for k, v in sess.run(grads).items():
        print(k, v[0], v[1])
