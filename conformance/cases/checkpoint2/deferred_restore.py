# Checkpoint.restore before the objects exist: a layer built and optimizer slots created after
# restore() are restored by the status (TF's deferred restorations), then training continues
# on the same trajectory.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()


def model():
    tf.set_random_seed(3)
    layer = tf.layers.Dense(2, name="d")
    opt = tf.train.AdamOptimizer(0.1)
    x = tf.constant([[1., 2., 3.], [0., -1., 2.]])
    loss = tf.reduce_mean(tf.square(layer(x) - 1.))
    return layer, opt, loss


try:
    with tf.Graph().as_default():
        layer, opt, loss = model()
        train = opt.minimize(loss)
        ckpt = tf.train.Checkpoint(model=layer, opt=opt)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(2):
                sess.run(train)
            path = ckpt.save(os.path.join(root, "c"), session=sess)
            print([round(float(sess.run([loss, train])[0]), 5) for _ in range(3)])
    with tf.Graph().as_default():
        layer = tf.layers.Dense(2, name="d")
        opt = tf.train.AdamOptimizer(0.1)
        ckpt = tf.train.Checkpoint(model=layer, opt=opt)
        status = ckpt.restore(path)
        print(type(status).__name__, layer.weights, opt.variables())
        tf.set_random_seed(3)
        x = tf.constant([[1., 2., 3.], [0., -1., 2.]])
        loss = tf.reduce_mean(tf.square(layer(x) - 1.))
        train = opt.minimize(loss)
        with tf.Session() as sess:
            status.initialize_or_restore(sess)
            status.assert_consumed()
            print(sess.run(ckpt.save_counter),
                  [round(float(sess.run([loss, train])[0]), 5) for _ in range(3)])
finally:
    shutil.rmtree(root)
