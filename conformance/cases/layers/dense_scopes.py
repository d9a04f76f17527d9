# tf.layers.dense naming: default names, explicit names, reuse, variable scopes, layer objects.
def ops_since(n):
    return [f"{op.name}:{op.type}" for op in tf.get_default_graph().get_operations()[n:]
            if "Initializer" not in op.name]
def count():
    return len(tf.get_default_graph().get_operations())
x = tf.placeholder(tf.float32, [None, 3], name="x")
n = count()
a = tf.layers.dense(x, 2, name="fc")
show_error(tf.layers.dense, x, 2, name="fc")
b = tf.layers.dense(x, 2, name="fc", reuse=True)
print(a, b, ops_since(n))
n = count()
with tf.variable_scope("net"):
    h = tf.layers.dense(x, 2)
    h2 = tf.layers.dense(h, 2, activation=tf.nn.relu)
print(h, h2, ops_since(n))
n = count()
with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
    s1 = tf.layers.dense(x, 2, name="d")
    s2 = tf.layers.dense(x, 2, name="d")
print(s1, s2, ops_since(n))
n = count()
with tf.name_scope("outer"):
    o = tf.layers.dense(x, 2)
print(o, ops_since(n))
n = count()
layer = tf.layers.Dense(4, activation=tf.nn.sigmoid, name="obj",
                        kernel_initializer=tf.constant_initializer(0.5),
                        bias_initializer=tf.ones_initializer())
print(layer.name, layer.units, layer.built, layer.trainable)
outs = [layer(x), layer(x), layer.apply(x)]
print(outs, layer.built, ops_since(n))
print(layer.kernel, layer.bias)
print(layer.trainable_variables, layer.non_trainable_variables)
print(layer.weights == layer.variables, layer.trainable_weights)
anon = tf.layers.Dense(3)
print(anon.name)
print(anon(x), anon.name, anon.scope_name)
frozen = tf.layers.dense(x, 2, trainable=False, name="frozen")
print([v.name for v in tf.trainable_variables()])
print([v.name for v in tf.global_variables()])
n = count()
x3 = tf.placeholder(tf.float32, [None, 4, 3], name="x3")
print(tf.layers.dense(x3, 5), ops_since(n))
n = count()
print(tf.layers.dense(tf.ones([2, 4, 3]), 5, use_bias=False), ops_since(n))
n = count()
d64 = tf.layers.dense(tf.placeholder(tf.float64, [None, 3]), 2, activation="relu", name="d64")
print(d64, tf.get_default_graph().get_tensor_by_name("d64/kernel:0").dtype)
reg = tf.layers.dense(x, 2, kernel_regularizer=tf.nn.l2_loss, name="reg")
print(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
show_error(tf.layers.dense, tf.placeholder(tf.float32, [None, None]), 2)
show_error(tf.layers.dense, tf.placeholder(tf.float32), 2)
show_error(tf.layers.dense, tf.placeholder(tf.int32, [None, 3]), 2)
show_error(tf.layers.dense, x, -1)
show_error(layer, tf.placeholder(tf.float32, [None, 5]))
