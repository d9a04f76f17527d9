# Hogwild-style training from four threads on one session: every step counts (global step)
# and every update lands (a constant gradient moves w by exactly -lr per step).
import threading

w = tf.Variable(np.zeros([16], np.float64), name='w')
step = tf.train.get_or_create_global_step()
loss = tf.reduce_sum(w * tf.constant(np.ones([16]), tf.float64))
train = tf.train.GradientDescentOptimizer(0.25).minimize(loss, global_step=step)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
threads = [threading.Thread(target=lambda: [sess.run(train) for _ in range(500)])
           for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sess.run(step), sess.run(w)[:4])
