# SavedModelBuilder's checks of signature maps and init ops.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    x = tf.placeholder(tf.float32, [2], name="x")
    v = tf.Variable([1.0, 2.0], name="v")
    y = tf.add(x, v, name="y")
    sess = tf.Session()
    sess.run(v.initializer)
    builder = tf.saved_model.Builder("out")
    meta = tf.saved_model.signature_def_utils
    no_encoding = meta.build_signature_def(
        {"x": tf.saved_model.build_tensor_info(x).__class__(dtype=1)}, {}, "m")
    no_dtype = meta.build_signature_def(
        {"x": tf.saved_model.build_tensor_info(x).__class__(name="x:0")}, {}, "m")
    show_error_contains(lambda: builder.add_meta_graph_and_variables(
        sess, ["serve"], signature_def_map={"s": no_encoding}),
        "must have one of the 'encoding' fields (e.g., name or coo_sparse) set.")
    show_error_contains(lambda: builder.add_meta_graph_and_variables(
        sess, ["serve"], signature_def_map={"s": no_dtype}), "must have the dtype field set.")
    show_error(builder.add_meta_graph_and_variables, sess, ["serve"],
               signature_def_map={"s": "not a proto"})
    show_error(builder.add_meta_graph_and_variables, sess, ["serve"],
               main_op=v.initializer.outputs)
    builder.add_meta_graph_and_variables(sess, ["serve"])
    builder.add_meta_graph(["a"], main_op=tf.no_op(name="init_op"))
    print(builder.save())
    with tf.Graph().as_default() as g, tf.Session() as s:
        m = tf.saved_model.load(s, ["a"], "out")
        print(m.collection_def["saved_model_main_op"])
        print(s.run("v:0"))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
