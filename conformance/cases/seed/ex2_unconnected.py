# Seed example 2: unconnected xs give None by default and zeros with 'zero'.
sess = tf.Session()
a = tf.ones([1, 2])
b = tf.ones([3, 1])
# The article misspells the keyword; TF rejects it like any Python function.
show_error(lambda: tf.gradients([b], [a], unnconnected_gradients='none'))
g1 = tf.gradients([b], [a], unconnected_gradients='none')
print(g1)
show_error(sess.run, g1)  # a None fetch cannot be run
g2 = tf.gradients([b], [a], unconnected_gradients='zero')
print(g2)
print(sess.run(g2))
sess.close()
