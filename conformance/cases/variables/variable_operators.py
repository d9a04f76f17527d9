# Operators on variables read through v/read; indexing and conversion.
v = tf.Variable([1.0, 2.0, 3.0], name='v')
ts = [v + 1, 1 + v, v * v, -v, v[0], v[1:], v ** 2, v / 2, tf.reduce_sum(v), v > 1.5]
for t in ts:
    print(t.name, [i.name for i in t.op.inputs][:2])
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run(ts))
print(tf.convert_to_tensor(v).name, tf.identity(v).name)
