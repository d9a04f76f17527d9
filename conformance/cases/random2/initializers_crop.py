# He/LeCun/identity/uniform_unit_scaling initializers and random_crop with op-level seeds:
# values identical to TF's Philox streams.
tf.set_random_seed(7)
inits = [tf.initializers.he_normal(seed=1), tf.initializers.he_uniform(seed=2),
         tf.initializers.lecun_normal(seed=3), tf.initializers.lecun_uniform(seed=4),
         tf.uniform_unit_scaling_initializer(factor=1.5, seed=5),
         tf.initializers.uniform_unit_scaling(seed=6)]
values = [init([3, 4]) for init in inits]
values.append(tf.initializers.identity(gain=2.0)([2, 3]))
values.append(tf.initializers.he_normal(seed=8)([2, 2, 3, 2]))
v = tf.get_variable("w", [4, 2], initializer=tf.initializers.lecun_uniform(seed=9))
image = tf.reshape(tf.range(60.0), [3, 4, 5])
crops = [tf.random_crop(image, [2, 2, 5], seed=11), tf.random_crop(image, [1, 3, 2], seed=12)]
for t in values + crops:
    print(t.op.type, t.dtype.name, t.shape)
print(v.initializer.name, v.initial_value.op.name)
show_error(tf.initializers.identity(), [2, 2, 2])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for value in sess.run(values + crops + [v]):
        print(np.array2string(value, precision=5))
