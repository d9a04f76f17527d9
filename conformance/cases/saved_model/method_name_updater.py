# MethodNameUpdater: rewriting signatures' method names, per tag set or everywhere, and errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    x = tf.placeholder(tf.float32, [1], name="x")
    v = tf.Variable([2.0], name="v")
    y = tf.multiply(x, v, name="y")
    sig = tf.saved_model.predict_signature_def({"x": x}, {"y": y})
    with tf.Session() as sess:
        sess.run(v.initializer)
        builder = tf.saved_model.Builder("m")
        builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"s": sig})
        builder.add_meta_graph(["train"], signature_def_map={"s": sig, "t": sig})
        builder.save()
    updater = tf.saved_model.signature_def_utils.MethodNameUpdater("m")
    show_error(updater.replace_method_name, None, "m")
    show_error(updater.replace_method_name, "s", None)
    show_error(updater.replace_method_name, "s", "m", tags=["gpu"])
    show_error(updater.replace_method_name, "t", "m", tags=["serve"])
    show_error(updater.replace_method_name, "s", "one/method", tags="serve")
    show_error(updater.replace_method_name, "s", "everywhere")
    show_error(updater.replace_method_name, "t", "only/train", tags=["train"])
    show_error(updater.save, "copy")
    os.mkdir("copy")
    updater.save("copy")
    print(sorted(os.listdir("copy")))
    shutil.copytree("m/variables", "copy/variables")
    for directory in ["m", "copy"]:
        for tags in [["serve"], ["train"]]:
            with tf.Graph().as_default(), tf.Session() as sess:
                meta = tf.saved_model.load(sess, tags, directory)
                print(directory, tags, sorted((k, s.method_name)
                                              for k, s in meta.signature_def.items()))
    show_error(tf.saved_model.signature_def_utils.MethodNameUpdater, "missing")
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
