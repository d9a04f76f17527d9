# tf.gradients returns a list with one entry per x; names live under gradients/<op>_grad.
a = tf.constant(3.0, name='a')
b = tf.constant(4.0, name='b')
y = a * b
g = tf.gradients(y, [a, b])
print(type(g).__name__, g)
single = tf.gradients(y, a)
print(type(single).__name__, single)
from_tuple = tf.gradients((y,), (a, b))
print(type(from_tuple).__name__, [t.name for t in from_tuple])
with tf.Session() as sess:
    print(sess.run(g), sess.run(single), sess.run(from_tuple))
