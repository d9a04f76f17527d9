# tf.train.Checkpoint in graph mode: the object-based format (keys, object graph, file bytes),
# save/write/restore with a session, the checkpoint state file, restore statuses and their
# assertions, partial restores and initialize_or_restore.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    tf.set_random_seed(1)
    x = tf.constant([[1., 2.], [3., 4.]])
    layer = tf.layers.Dense(3, name="dense")
    y = layer(x)
    v = tf.Variable([1., 2.], name="v")
    step = tf.train.get_or_create_global_step()
    loss = tf.reduce_sum(y * y) + tf.reduce_sum(v * v)
    opt = tf.train.AdamOptimizer(0.1)
    train = opt.minimize(loss, global_step=step)
    ckpt = tf.train.Checkpoint(model=layer, v=v, optimizer=opt, step=step)
    print(sorted(k for k in vars(ckpt) if not k.startswith("_")))
    print(ckpt.save_counter.name, ckpt.save_counter.dtype.base_dtype,
          ckpt.save_counter in tf.global_variables())
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        p1 = ckpt.save("ck/ckpt", session=sess)
        print(p1, sorted(os.listdir("ck")))
        print(open("ck/checkpoint").read())
        print(open("ck/ckpt-1.index", "rb").read().hex())
        print(open("ck/ckpt-1.data-00000-of-00001", "rb").read().hex())
        for name, shape in tf.train.list_variables(p1):
            print(name, shape)
        reader = tf.train.load_checkpoint(p1)
        print(len(reader.get_tensor("_CHECKPOINTABLE_OBJECT_GRAPH")))
        print(reader.get_tensor("step/.ATTRIBUTES/VARIABLE_VALUE"),
              reader.get_tensor("save_counter/.ATTRIBUTES/VARIABLE_VALUE"))
        trained = sess.run([layer.kernel, v])
        sess.run(train)
        with sess.as_default():
            p2 = ckpt.save("ck/ckpt")
        print(p2, open("ck/checkpoint").read())
        print(ckpt.write("ck/written", session=sess), sorted(os.listdir("ck")))
        status = ckpt.restore(p1)
        print(type(status).__name__)
        status.run_restore_ops(sess)
        restored = sess.run([layer.kernel, v, step, ckpt.save_counter])
        print(np.allclose(restored[0], trained[0]), restored[1:])
        print(status.assert_consumed() is status,
              status.assert_existing_objects_matched() is status,
              status.assert_nontrivial_match() is status, status.expect_partial() is status)
        none = ckpt.restore(None)
        print(type(none).__name__)
        show_error(none.assert_consumed)
        show_error(none.assert_existing_objects_matched)
    show_error(tf.train.Checkpoint, x=3)
    show_error(tf.train.Checkpoint, v)
    with tf.Graph().as_default():
        other = tf.Variable([9., 9.], name="other")
        extra = tf.Variable(3., name="extra")
        partial = tf.train.Checkpoint(v=other, extra=extra)
        with tf.Session() as sess:
            status = partial.restore(p2)
            status.initialize_or_restore(sess)
            print(sess.run([other, extra, partial.save_counter]))
            show_error(status.assert_consumed)
            show_error(status.assert_existing_objects_matched)
            print(status.assert_nontrivial_match() is status)
    with tf.Graph().as_default():
        w = tf.Variable([0., 0.], name="w")
        fresh = tf.train.Checkpoint(v=w)
        with tf.Session() as sess:
            status = fresh.restore(p1)
            status.run_restore_ops(sess)
            print(sess.run(w))
            status.assert_existing_objects_matched()
            show_error_contains(status.assert_consumed, "Unresolved object in checkpoint")
            init_only = fresh.restore(None)
            init_only.initialize_or_restore(sess)
            print(sess.run([w, fresh.save_counter]))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
