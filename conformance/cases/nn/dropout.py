# dropout with a graph seed: ops created, kept values scaled by 1/keep_prob.
tf.set_random_seed(7)
x = tf.ones([2, 6])
d = tf.nn.dropout(x, keep_prob=0.5)
print(d.name, d.shape, d.dtype.name)
with tf.Session() as sess:
    v = sess.run(d)
    print(sorted(set(v.ravel().tolist())))
