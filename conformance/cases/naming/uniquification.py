# Names are made unique with _1, _2, ... and compared case-insensitively.
a = tf.constant(1.0, name='a')
b = tf.constant(2.0, name='b')
print((a + b).name, tf.add(a, b).name, tf.add(a, b).name, (a + b).name)
print((a * b).name, (a * b).name, tf.multiply(a, b).name)
print(tf.constant(0, name='foo').name, tf.constant(0, name='foo').name,
      tf.constant(0, name='foo_1').name, tf.constant(0, name='Foo').name,
      tf.constant(0, name='FOO').name)
print(tf.placeholder(tf.float32, name='x').name, tf.placeholder(tf.float32, name='x').name)
print(tf.constant(0).name, tf.constant(0).name, tf.constant(0, name='Const_1').name)
print(tf.identity(a, name='Mul').name)
g = tf.get_default_graph()
print(g.unique_name('foo'), g.unique_name('foo'), g.unique_name('foo', mark_as_used=False),
      g.unique_name('foo'), g.unique_name('bar', mark_as_used=False), g.unique_name('bar'))
