# Default names and types of the elementwise math functions.
a = tf.constant([1.0, 4.0], name='a')
b = tf.constant([2.0, 0.5], name='b')
for t in [tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.divide(a, b), tf.truediv(a, b),
          tf.floordiv(a, b), tf.mod(a, b), tf.pow(a, b), tf.negative(a), tf.abs(a), tf.sign(a),
          tf.square(a), tf.sqrt(a), tf.rsqrt(a), tf.exp(a), tf.log(a), tf.log1p(a), tf.sin(a),
          tf.cos(a), tf.tanh(a), tf.sigmoid(a), tf.reciprocal(a), tf.maximum(a, b),
          tf.minimum(a, b), tf.squared_difference(a, b), tf.nn.relu(a), tf.nn.sigmoid(a),
          tf.nn.tanh(a), tf.floor(a), tf.ceil(a), tf.round(a), tf.realdiv(a, b),
          tf.floormod(a, b), tf.add(a, 1.0), tf.multiply(2.0, a)]:
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
