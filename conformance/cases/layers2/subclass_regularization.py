# Layer subclassing (build/call/add_weight/InputSpec), weight regularizers feeding
# REGULARIZATION_LOSSES, tf.losses.get_regularization_loss(es), layer properties.
tf.set_random_seed(5)


class Scale(tf.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.input_spec = tf.layers.InputSpec(min_ndim=2)

    def build(self, input_shape):
        self.w = self.add_weight("w", [int(input_shape[-1]), self.units],
                                 initializer=tf.ones_initializer(),
                                 regularizer=lambda w: 0.5 * tf.reduce_sum(w))
        self.b = self.add_weight("b", [self.units], initializer=tf.zeros_initializer(),
                                 trainable=False)
        super().build(input_shape)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
layer = Scale(3)
print(layer.name, layer.built, layer.trainable)
y = layer(x)
y2 = layer(x * 2)
print(y, y2, layer.built)
print(layer.variables, layer.trainable_variables, layer.non_trainable_variables)
print(layer.weights)
print(len(layer.losses))
d = tf.layers.dense(x, 2, kernel_regularizer=lambda w: tf.reduce_sum(tf.abs(w)),
                    bias_regularizer=lambda b: 2.0 * tf.reduce_sum(b), name="reg_dense")
c = tf.layers.conv1d(tf.reshape(x, [2, 2, 1]), 1, 1, name="reg_conv",
                     kernel_regularizer=lambda w: tf.reduce_sum(w * w))
print(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
print(tf.losses.get_regularization_losses())
print(tf.losses.get_regularization_losses(scope="reg_dense"))
total = tf.losses.get_regularization_loss()
print(total, tf.losses.get_regularization_loss(scope="reg_conv", name="conv_reg"))
show_error(layer, tf.constant([1.0, 2.0]))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([y, y2]))
    print(np.round(sess.run(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)), 4))
    print(np.round(sess.run(total), 4))
