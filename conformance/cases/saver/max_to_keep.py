# Saver bookkeeping: max_to_keep deletion, last_checkpoints, state files, step formats.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    a = tf.Variable(2.0, name="a")
    saver = tf.train.Saver(max_to_keep=2)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for step in [1, 2, 3, 4]:
        sess.run(a.assign(float(step)))
        print(saver.save(sess, "ckpt/model", global_step=step))
        print(sorted(os.listdir("ckpt")), saver.last_checkpoints)
    print(open("ckpt/checkpoint").read())
    print(saver.save(sess, "ckpt/other", global_step=np.int64(9), latest_filename="mystate",
                     write_meta_graph=False))
    print(sorted(os.listdir("ckpt")))
    print(open("ckpt/mystate").read())
    print(saver.save(sess, "ckpt/nostate", write_state=False), saver.last_checkpoints)
    print(sorted(os.listdir("ckpt")))
    print(saver.save(sess, "meta/m", meta_graph_suffix="mg"), sorted(os.listdir("meta")))
    gs = tf.train.get_or_create_global_step()
    sess.run(gs.initializer)
    sess.run(gs.assign(12))
    print(saver.save(sess, "ckpt/gs", global_step=gs, write_meta_graph=False))
    padded = tf.train.Saver(pad_step_number=True, max_to_keep=None)
    print(padded.save(sess, "pad/m", global_step=3), padded.last_checkpoints)
    print(padded.save(sess, "pad/m", global_step=tf.constant(5)))
    print(open("pad/checkpoint").read())
    none_kept = tf.train.Saver(max_to_keep=0)
    print(none_kept.save(sess, "z/m", global_step=1), none_kept.save(sess, "z/m", global_step=2))
    print(none_kept.last_checkpoints, sorted(os.listdir("z")))
    rel = tf.train.Saver(save_relative_paths=True)
    print(rel.save(sess, "model"), open("checkpoint").read())
    print(rel.save(sess, "rel/m", global_step=2))
    print(open("rel/checkpoint").read())
    sess.run(a.assign(-1.0))
    saver.restore(sess, "ckpt/nostate")
    print(sess.run(a))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
