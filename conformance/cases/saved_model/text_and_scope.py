# A text-format SavedModel (save(as_text=True)) loaded back, and loading under an import_scope.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    x = tf.placeholder(tf.float64, [2], name="x")
    v = tf.get_variable("v", initializer=np.array([1.5, -2.0]))
    y = tf.reduce_sum(x * v, name="y")
    with tf.Session() as sess:
        sess.run(v.initializer)
        sess.run(v.assign([3.0, 0.5]))
        builder = tf.saved_model.Builder("text")
        builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={
            "f": tf.saved_model.predict_signature_def({"x": x}, {"y": y})})
        print(builder.save(as_text=True))
    print(sorted(os.listdir("text")))
    with open("text/saved_model.pbtxt") as f:
        print(f.readline().strip())
    print(tf.saved_model.contains_saved_model("text"))
    with tf.Graph().as_default() as g, tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve"], "text")
        print(meta.signature_def["f"].outputs["y"].name, sess.run("y:0", {"x:0": [1.0, 2.0]}))
    with tf.Graph().as_default() as g, tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve"], "text", import_scope="model")
        print([op.name for op in g.get_operations()][:6])
        print(sess.run("model/v:0"), sess.run("model/y:0", {"model/x:0": [2.0, 2.0]}))
        info = meta.signature_def["f"].inputs["x"]
        print(tf.saved_model.get_tensor_from_tensor_info(info, import_scope="model"))
        print([v.name for v in tf.global_variables()])
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
