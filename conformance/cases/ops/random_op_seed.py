# Op-level seeds: same seed, same values in a fresh graph; different seeds differ.
def draw():
    a = tf.random_uniform([3], seed=5)
    b = tf.random_normal([2], seed=5)
    c = tf.truncated_normal([2], seed=7)
    with tf.Session() as sess:
        return sess.run([a, b, c])
print(draw())
tf.reset_default_graph()
print(draw())
tf.reset_default_graph()
tf.set_random_seed(3)
print(draw())
