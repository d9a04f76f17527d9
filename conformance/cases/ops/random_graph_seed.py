# Graph-level seed: each random op gets its own stream; reruns draw new numbers, a new session
# repeats the first draws.
tf.set_random_seed(1)
u = tf.random_uniform([3])
n = tf.random_normal([2])
t = tf.truncated_normal([2])
for x in [u, n, t]:
    op = x.op if x.op.type.startswith(('Random', 'Truncated')) else x.op.inputs[0].op.inputs[0].op
    print(x.name, op.type, op.get_attr('seed'), op.get_attr('seed2'))
with tf.Session() as sess:
    first = sess.run([u, n, t])
    second = sess.run([u, n, t])
print(first)
print(second)
with tf.Session() as sess:
    print(sess.run([u, n, t]))
