# tf.layers reuse through variable scopes (the GAN discriminator pattern).
def discriminator(x, reuse):
    with tf.variable_scope("disc", reuse=reuse):
        h = tf.layers.dense(x, 4, activation=tf.nn.relu)
        return tf.layers.dense(h, 1)
real = tf.placeholder(tf.float32, [None, 3], name="real")
fake = tf.placeholder(tf.float32, [None, 3], name="fake")
d_real = discriminator(real, reuse=False)
d_fake = discriminator(fake, reuse=True)
print(d_real, d_fake)
print([v.name for v in tf.trainable_variables()])
print(d_fake.op.inputs[0].op.inputs[1].name)
