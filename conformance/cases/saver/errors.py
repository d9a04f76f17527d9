# Saver errors: var_list validation, save and restore failures, with TF's classes and texts.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    a = tf.Variable(2.0, name="a")
    show_error(tf.train.Saver, [])
    show_error(tf.train.Saver, [a, a])
    show_error(tf.train.Saver, [a, 3.0])
    show_error(tf.train.Saver, [a.value()])
    show_error(tf.train.Saver, a)
    show_error(tf.train.Saver, {1: a})
    show_error(tf.train.Saver, {"x": 3.0})
    show_error(tf.train.Saver, {"x": a, "y": a})
    show_error(tf.train.Saver, [a], defer_build=True)
    show_error(tf.train.Saver, saver_def="x")
    empty = tf.train.Saver([], allow_empty=True)
    print(empty.saver_def)
    saver = tf.train.Saver([a])
    sess = tf.Session()
    show_error(saver.save, sess, "un/m")
    print(os.path.exists("un"))
    os.mkdir("un")
    show_error(saver.save, sess, "un/m")
    show_error_contains(lambda: saver.save(sess, "un/m"), "Attempting to use uninitialized value a")
    sess.run(a.initializer)
    show_error(saver.save, sess, "nodir/sub/model")
    show_error(saver.save, sess, "ckpt/checkpoint")
    show_error(saver.save, sess, "ckpt/m", latest_filename="a/b")
    show_error(saver.save, "notasession", "ckpt/m")
    show_error(saver.save, sess, "ckpt/m", global_step=5.7)
    deferred = tf.train.Saver(defer_build=True)
    show_error(deferred.save, sess, "ckpt/m")
    deferred.build()
    print(deferred.saver_def.restore_op_name)
    show_error(saver.restore, sess, "ckpt/nope")
    show_error(saver.restore, sess, None)
    print(saver.save(sess, "ckpt/m"))
    with tf.Graph().as_default():
        tf.Variable(2.0, name="a")
        tf.Variable(1.0, name="b")
        show_error(tf.train.Saver().restore, tf.Session(), "ckpt/m")
        show_error_contains(lambda: tf.train.Saver().restore(tf.Session(), "ckpt/m"),
                            "Key b not found in checkpoint")
    with tf.Graph().as_default():
        tf.Variable([2.0, 1.0], name="a")
        show_error(tf.train.Saver().restore, tf.Session(), "ckpt/m")
        show_error_contains(lambda: tf.train.Saver().restore(tf.Session(), "ckpt/m"),
                            "Assign requires shapes of both tensors to match. lhs shape= [2] "
                            "rhs shape= []")
    with tf.Graph().as_default():
        tf.Variable(2, name="a")
        show_error(tf.train.Saver().restore, tf.Session(), "ckpt/m")
        show_error_contains(lambda: tf.train.Saver().restore(tf.Session(), "ckpt/m"),
                            "tensor_name = a; expected dtype int32 does not equal original "
                            "dtype float")
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
