# EMA over a training loop: decay with num_updates, zero_debias on a tensor, values each step,
# then evaluation from the averages through variables_to_restore and a checkpoint.
import os
import tempfile

w = tf.Variable([1.0, -2.0], name="w")
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
loss = tf.reduce_sum(tf.square(tf.matmul(x, tf.reshape(w, [2, 1])) - 1.0))
gs = tf.train.get_or_create_global_step()
opt = tf.train.GradientDescentOptimizer(0.01)
train = opt.minimize(loss, global_step=gs)
ema = tf.train.ExponentialMovingAverage(0.8, num_updates=gs)
ema_dbg = tf.train.ExponentialMovingAverage(0.7, zero_debias=True, name="dbg")
with tf.control_dependencies([train]):
    step = tf.group(ema.apply([w]), ema_dbg.apply([loss]))
d = tempfile.mkdtemp()
saver = tf.train.Saver()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([ema.average(w), ema_dbg.average(loss)]))
    for i in range(5):
        sess.run(step)
        fetched = sess.run([w, ema.average(w), ema_dbg.average(loss)])
        print(i, [np.round(v, 5).tolist() for v in fetched])
    path = saver.save(sess, os.path.join(d, "model"), global_step=gs)
print(os.path.basename(path))
print(sorted(n for n, _ in tf.train.list_variables(path)))
tf.reset_default_graph()
w2 = tf.Variable([0.0, 0.0], name="w")
ema2 = tf.train.ExponentialMovingAverage(0.8)
print(sorted(ema2.variables_to_restore().items()))
restorer = tf.train.Saver(ema2.variables_to_restore())
with tf.Session() as sess:
    restorer.restore(sess, path)
    print(np.round(sess.run(w2), 5))
