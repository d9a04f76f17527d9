# Save a model, then rebuild it from its .meta file alone and restore the checkpoint.
import os
import tempfile

d = tempfile.mkdtemp()
w = tf.Variable([1.0, 2.0], name='w')
b = tf.get_variable('b', initializer=tf.constant(0.5))
y = tf.reduce_sum(w * 3.0 + b, name='y')
saver = tf.train.Saver()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(w.assign([4.0, 5.0]))
    path = saver.save(sess, os.path.join(d, 'model'), global_step=3)
print(os.path.basename(path), sorted(os.listdir(d)))
tf.reset_default_graph()
restorer = tf.train.import_meta_graph(path + '.meta')
print(type(restorer).__name__, [v.name for v in tf.global_variables()],
      [v.name for v in tf.trainable_variables()])
y2 = tf.get_default_graph().get_tensor_by_name('y:0')
with tf.Session() as sess:
    restorer.restore(sess, tf.train.latest_checkpoint(d))
    print(sess.run(y2), sess.run(tf.global_variables()))
    sess.run(tf.global_variables_initializer())
    print(sess.run(y2))
