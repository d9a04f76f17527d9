# tf.train.Saver with partitioned variables: one checkpoint entry per partitioned variable with
# its slices (TF's bytes: the index and data files are hashed), the save graph, SaveSliceInfo,
# list_variables/load_variable on full shapes, and restores into other partitionings.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import hashlib
import os
import shutil
import tempfile

root = tempfile.mkdtemp()


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def fill(sess, pv):
    # Pieces are filled explicitly: initializers see no partition info in tfcompat.
    start = 0
    for piece in pv:
        shape = piece.shape.as_list()
        count = int(np.prod(shape))
        sess.run(piece.assign(np.arange(start, start + count).reshape(shape)
                              .astype(piece.dtype.base_dtype.as_numpy_dtype)))
        start += count


try:
    prefix = os.path.join(root, "m")
    with tf.Graph().as_default() as g:
        w = tf.get_variable("w", shape=[5, 3], initializer=tf.zeros_initializer(),
                            partitioner=tf.fixed_size_partitioner(3))
        b = tf.get_variable("b", shape=[2], initializer=tf.ones_initializer())
        e = tf.get_variable("s/e", shape=[4, 70], dtype=tf.int32,
                            initializer=tf.zeros_initializer(),
                            partitioner=tf.fixed_size_partitioner(2, axis=1))
        print(type(w).__name__, [v.name for v in w])
        for v in tf.global_variables():
            info = v._save_slice_info
            if info is not None:
                print(v.name, info.full_name, info.full_shape, info.var_offset, info.var_shape,
                      info.spec)
        saver = tf.train.Saver()
        for op in g.get_operations():
            if op.name.startswith("save/"):
                print(op.name, op.type, [t.name for t in op.inputs], op.device)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            fill(sess, w)
            fill(sess, e)
            print(sess.run("save/SaveV2/tensor_names:0"))
            print(sess.run("save/SaveV2/shape_and_slices:0"))
            print(saver.save(sess, prefix, write_meta_graph=False) == prefix)
            print(digest(prefix + ".index"), digest(prefix + ".data-00000-of-00001"))
            saver_list = tf.train.Saver([w])
            print(sess.run("save_1/SaveV2/tensor_names:0"),
                  sess.run("save_1/SaveV2/shape_and_slices:0"))
            tf.train.Saver({"vv": w})
            print(sess.run("save_2/SaveV2/shape_and_slices:0"))
            tf.train.Saver({"vv": list(w)[0]})
            print(sess.run("save_3/SaveV2/tensor_names:0"),
                  sess.run("save_3/SaveV2/shape_and_slices:0"))
            tf.train.Saver([list(w)[1]])
            print(sess.run("save_4/SaveV2/tensor_names:0"),
                  sess.run("save_4/SaveV2/shape_and_slices:0"))
            show_error(tf.train.Saver, {"vv": [list(w)[0], list(e)[0]]})
            show_error(tf.train.Saver, {"vv": [b]})
        proto = list(w)[1].to_proto()
        print(proto.save_slice_info_def)
    print(tf.train.list_variables(prefix))
    reader = tf.train.load_checkpoint(prefix)
    print(sorted(reader.get_variable_to_shape_map().items()))
    print(sorted((k, v.name) for k, v in reader.get_variable_to_dtype_map().items()))
    print(reader.has_tensor("w"), reader.has_tensor("w/part_0"))
    print(tf.train.load_variable(prefix, "w"))
    print(tf.train.load_variable(prefix, "s/e")[:, 60:])
    print(reader.debug_string())
    for parts in (None, 2, 5):
        with tf.Graph().as_default():
            w = tf.get_variable("w", shape=[5, 3], initializer=tf.zeros_initializer(),
                                partitioner=parts and tf.fixed_size_partitioner(parts))
            saver = tf.train.Saver([w] if parts else {"w": w})
            with tf.Session() as sess:
                saver.restore(sess, prefix)
                print(parts, sess.run(tf.convert_to_tensor(w)).tolist())
    with tf.Graph().as_default():
        w = tf.get_variable("w", shape=[5, 4], initializer=tf.zeros_initializer(),
                            partitioner=tf.fixed_size_partitioner(2))
        saver = tf.train.Saver([w])
        with tf.Session() as sess:
            show_error(saver.restore, sess, prefix)
finally:
    shutil.rmtree(root)
