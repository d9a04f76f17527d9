# SavedModelBuilder + loader.load round trip: files, meta graphs, restored values, errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    with open("vocab.txt", "w") as f:
        f.write("zero\none\ntwo\n")
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    local = tf.Variable(3.0, name="local", collections=[tf.GraphKeys.LOCAL_VARIABLES])
    y = tf.multiply(tf.matmul(x, w), local, name="y")
    path = tf.constant("vocab.txt", name="vocab_path")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    sess.run(w.assign([[0.5], [-1.0]]))
    builder = tf.saved_model.Builder("export")
    show_error(builder.add_meta_graph, ["serve"])
    signature = tf.saved_model.predict_signature_def({"x": x}, {"y": y})
    init = tf.group(tf.local_variables_initializer(), name="legacy_init")
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING],
                                         signature_def_map={"serving_default": signature},
                                         assets_collection=[path], legacy_init_op=init)
    show_error(builder.add_meta_graph_and_variables, sess, ["x"])
    builder.add_meta_graph([tf.saved_model.TRAINING], clear_devices=True)
    print(builder.save())
    for d, _, files in sorted(os.walk("export")):
        print(d, sorted(files))
    show_error(tf.saved_model.Builder, "export")
    print(tf.saved_model.contains_saved_model("export"), tf.saved_model.contains_saved_model("."))
    print(tf.saved_model.loader.maybe_saved_model_directory("export"))

    for tags in [["serve"], ("train",)]:
        with tf.Graph().as_default() as g:
            s = tf.Session(graph=g)
            meta = tf.saved_model.load(s, tags, "export")
            print(list(meta.meta_info_def.tags), meta.meta_info_def.tensorflow_version)
            print(meta.saver_def)
            print(sorted(meta.collection_def.keys()))
            print(meta.collection_def["saved_model_main_op"])
            print(meta.collection_def["saved_model_assets"])
            print(sorted(meta.signature_def.keys()))
            print([op.name for op in g.get_operations()])
            print(s.run("y:0", {"x:0": [[2.0, 1.0], [4.0, -4.0]]}))
            print([v.name for v in tf.global_variables()], [v.name for v in tf.local_variables()])
            s.close()
    with tf.Graph().as_default() as g:
        s = tf.Session(graph=g)
        show_error(tf.saved_model.load, s, ["serve", "gpu"], "export")
        show_error(tf.saved_model.load, s, "gpu", "export")
        show_error(tf.saved_model.load, s, ["serve"], "missing")
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
