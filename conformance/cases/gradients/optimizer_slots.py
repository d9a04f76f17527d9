# Slot variables of Momentum and Adam, their names and values after a few steps.
with tf.variable_scope('layer'):
    w = tf.get_variable('w', initializer=tf.constant([1.0, -2.0]))
loss = tf.reduce_sum(w * w)
mom = tf.train.MomentumOptimizer(0.1, 0.9)
train_m = mom.minimize(loss)
adam = tf.train.AdamOptimizer(0.1)
train_a = adam.minimize(loss)
print(mom.get_name(), mom.get_slot_names(), mom.get_slot(w, 'momentum'))
print(adam.get_name(), sorted(adam.get_slot_names()), adam.get_slot(w, 'm'), adam.get_slot(w, 'v'))
print([v.name for v in tf.global_variables()])
print([v.name for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train_m)
    print(sess.run([w, mom.get_slot(w, 'momentum')]))
    for _ in range(3):
        sess.run(train_a)
    print(sess.run([w, adam.get_slot(w, 'm'), adam.get_slot(w, 'v')]))
    g = tf.get_default_graph()
    print(sess.run([g.get_tensor_by_name('beta1_power:0'), g.get_tensor_by_name('beta2_power:0')]))
