# Reading checkpoints: NewCheckpointReader, load_checkpoint, list_variables, load_variable,
# the checkpoint state file functions.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    tf.Variable([1.0, 2.0], name="v")
    tf.Variable(["ab", "", "xyz"], name="scope/s")
    tf.Variable(np.arange(6, dtype=np.int16).reshape(2, 3), name="i")
    tf.Variable(True, name="bb")
    tf.Variable(2.5, name="x")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    print(tf.train.Saver().save(sess, "ck/m", global_step=0))
    print(open("ck/m-0.data-00000-of-00001", "rb").read().hex())
    print(open("ck/m-0.index", "rb").read().hex())
    r = tf.train.NewCheckpointReader("ck/m-0")
    print(type(r).__name__)
    print(sorted(r.get_variable_to_shape_map().items()))
    print(sorted(r.get_variable_to_dtype_map().items()))
    for name in ["v", "scope/s", "bb", "i", "x"]:
        print(name, repr(r.get_tensor(name)))
    print(r.has_tensor("v"), r.has_tensor("nope"))
    show_error(r.get_tensor, "nope")
    print(r.debug_string())
    print(tf.train.list_variables("ck/m-0"))
    print(tf.train.list_variables("ck"))
    print(type(tf.train.load_checkpoint("ck")).__name__)
    print(tf.train.load_variable("ck", "v:0"), tf.train.load_variable("ck/m-0", "x"))
    show_error(tf.train.NewCheckpointReader, "ck/none")
    show_error(tf.train.load_checkpoint, "nodir")
    os.mkdir("empty")
    show_error(tf.train.list_variables, "empty")
    print(tf.train.latest_checkpoint("ck"), tf.train.latest_checkpoint("nodir"))
    st = tf.train.get_checkpoint_state("ck")
    print(type(st).__name__)
    print(st)
    print(tf.train.get_checkpoint_state("nodir"))
    print(tf.train.checkpoint_exists("ck/m-0"), tf.train.checkpoint_exists("ck/m-*"),
          tf.train.checkpoint_exists("ck/zz"))
    tf.train.update_checkpoint_state("ck", "ck/m-0", ["ck/a", "ck/m-0"])
    print(open("ck/checkpoint").read())
    tf.train.update_checkpoint_state("ck", "m-0", latest_filename="x2")
    print(open("ck/x2").read())
    print(tf.train.get_checkpoint_state("ck", "x2"))
    os.mkdir("u")
    tf.train.update_checkpoint_state("u", "u/m", ["u/a"],
                                     all_model_checkpoint_timestamps=[1.0, 2.0],
                                     last_preserved_timestamp=0.5)
    print(open("u/checkpoint").read())
    show_error(tf.train.update_checkpoint_state, "u", "u/m", ["u/a"],
               all_model_checkpoint_timestamps=[1.0])
    tf.train.update_checkpoint_state("u", 'u/\u00e9 "q"\n\\')
    print(open("u/checkpoint", "rb").read())
    print(repr(tf.train.get_checkpoint_state("u").model_checkpoint_path))
    os.mkdir("bad")
    open("bad/checkpoint", "w").write("")
    show_error(tf.train.get_checkpoint_state, "bad")
    open("bad/checkpoint", "w").write("garbage {")
    print(tf.train.get_checkpoint_state("bad"))
    open("bad/checkpoint", "w").write(
        "model_checkpoint_path: 'a\\x41\\101' 'b'  all_model_checkpoint_paths: \"q\" "
        "all_model_checkpoint_timestamps: 1.5\nlast_preserved_timestamp: 2")
    print(tf.train.get_checkpoint_state("bad"))
    print(tf.train.latest_checkpoint("bad"))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
