# init_from_checkpoint and warm_start with partitioned variables on either side: by name, as a
# PartitionedVariable, by scope (every piece's initializer reads its slice), repartitioned.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
prefix = os.path.join(root, "m")


def init_ops(graph):
    return sorted((op.name, op.type) for op in graph.get_operations()
                  if "checkpoint_initializer" in op.name and op.type == "RestoreV2")


try:
    with tf.Graph().as_default():
        w = tf.get_variable("w", shape=[5, 3], initializer=tf.zeros_initializer(),
                            partitioner=tf.fixed_size_partitioner(3))
        b = tf.get_variable("b", shape=[2], initializer=tf.zeros_initializer())
        saver = tf.train.Saver()
        with tf.Session() as sess:
            start = 0
            for piece in list(w):
                shape = piece.shape.as_list()
                sess.run(piece.assign(np.arange(start, start + np.prod(shape), dtype=np.float32)
                                      .reshape(shape)))
                start += np.prod(shape)
            sess.run(b.assign([7., 8.]))
            saver.save(sess, prefix, write_meta_graph=False)
    for mode in ["name", "list", "scope", "root", "unpartitioned", "repartitioned",
                 "warm", "warm_all"]:
        with tf.Graph().as_default() as g:
            with tf.variable_scope("new"):
                parts = {"unpartitioned": None, "repartitioned": 2}.get(mode, 3)
                w = tf.get_variable("w", shape=[5, 3], initializer=tf.ones_initializer(),
                                    partitioner=parts and tf.fixed_size_partitioner(parts))
                b = tf.get_variable("b", shape=[2], initializer=tf.ones_initializer())
            if mode == "name":
                tf.train.init_from_checkpoint(prefix, {"w": "new/w"})
            elif mode == "unpartitioned":
                tf.train.init_from_checkpoint(prefix, {"w": w})
            elif mode in ("list", "repartitioned"):
                tf.train.init_from_checkpoint(prefix, {"w": list(w)})
            elif mode == "scope":
                tf.train.init_from_checkpoint(prefix, {"/": "new/"})
            elif mode == "root":
                tf.train.init_from_checkpoint(root, {"/": "new/"})
            elif mode == "warm":
                tf.train.warm_start(prefix, ["new/w"], var_name_to_prev_var_name={"new/w": "w"})
            else:
                tf.train.warm_start(prefix, "new/",
                                    var_name_to_prev_var_name={"new/w": "w", "new/b": "b"})
            with tf.Session() as sess:
                sess.run(tf.global_variables_initializer())
                print(mode, sess.run(tf.convert_to_tensor(w)).tolist(), sess.run(b).tolist())
                print(init_ops(g))
                print([sess.run(name + "/shape_and_slices:0").tolist()
                       for name, _ in init_ops(g)])
finally:
    shutil.rmtree(root)
