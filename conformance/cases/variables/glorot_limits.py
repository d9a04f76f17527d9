# glorot_uniform default: limit sqrt(6 / (fan_in + fan_out)) read from the initializer's max const.
sess = tf.Session()
for name, shape in [('s', []), ('v', [5]), ('m', [2, 3]), ('c', [4, 5, 6]), ('k', [3, 3, 2, 4])]:
    var = tf.get_variable(name, shape=shape)
    g = tf.get_default_graph()
    limit = sess.run(g.get_tensor_by_name(name + '/Initializer/random_uniform/max:0'))
    low = sess.run(g.get_tensor_by_name(name + '/Initializer/random_uniform/min:0'))
    sess.run(var.initializer)
    value = sess.run(var)
    print(name, shape, repr(limit), repr(low), bool(np.all(np.abs(value) <= limit)))
sess.close()
