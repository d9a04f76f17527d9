# tf.train.Saver: graph ops, SaverDef, returned path, files, checkpoint text, bytes, restore.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    step = tf.Variable(3, dtype=tf.int64, name="step")
    w = tf.Variable([1.5, 2.5], name="w")
    saver = tf.train.Saver()
    for op in tf.get_default_graph().get_operations()[8:]:
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              repr(op.device), [(t.dtype.name, str(t.shape)) for t in op.outputs])
    print(saver.saver_def)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(repr(saver.save(sess, "ckpt/model", global_step=7)))
        print(sorted(os.listdir("ckpt")))
        print(open("ckpt/checkpoint").read())
        print(open("ckpt/model-7.index", "rb").read().hex())
        print(open("ckpt/model-7.data-00000-of-00001", "rb").read().hex())
        print(saver.last_checkpoints)
        sess.run([step.assign(0), w.assign([0.0, 0.0])])
        print(saver.restore(sess, "ckpt/model-7"), sess.run([step, w]))
        print(repr(saver.save(sess, "ckpt/again")), saver.last_checkpoints)
        print(open("ckpt/checkpoint").read())
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
