# tf.train.CheckpointManager in graph mode: numbered saves, max_to_keep deletion, explicit and
# tensor checkpoint numbers, the state file, recovery by a second manager, restore_or_initialize,
# and resuming a training run from the latest checkpoint with the same trajectory.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)


def build():
    tf.set_random_seed(5)
    x = tf.constant(np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3))
    target = tf.constant([[1.], [0.], [-1.], [2.]])
    layer = tf.layers.Dense(1, name="d")
    loss = tf.reduce_mean(tf.square(layer(x) - target))
    step = tf.train.get_or_create_global_step()
    opt = tf.train.MomentumOptimizer(0.1, 0.9)
    train = opt.minimize(loss, global_step=step)
    ckpt = tf.train.Checkpoint(net=layer, opt=opt, step=step)
    return loss, train, step, ckpt


try:
    with tf.Graph().as_default():
        loss, train, step, ckpt = build()
        manager = tf.train.CheckpointManager(ckpt, "run", max_to_keep=2)
        print(manager.latest_checkpoint, manager.checkpoints, manager.directory,
              manager.checkpoint_interval)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            with sess.as_default():
                for _ in range(3):
                    sess.run(train)
                    print(manager.save())
                print(manager.save(checkpoint_number=step))
                print(manager.save(checkpoint_number=100))
            print(manager.latest_checkpoint, manager.checkpoints, sorted(os.listdir("run")))
            state = open("run/checkpoint").read()
            print(state.split("all_model_checkpoint_timestamps")[0])
            print(state.count("all_model_checkpoint_timestamps"),
                  "last_preserved_timestamp" in state)
            print(tf.train.latest_checkpoint("run"))
            print([round(float(sess.run([loss, train])[0]), 5) for _ in range(3)])
    with tf.Graph().as_default():
        loss, train, step, ckpt = build()
        manager = tf.train.CheckpointManager(ckpt, "run", max_to_keep=3, checkpoint_name="model")
        print(manager.checkpoints, manager.latest_checkpoint)
        print(manager.restore_or_initialize())
        with tf.Session() as sess:
            status = ckpt.restore(manager.latest_checkpoint)
            status.assert_existing_objects_matched()
            status.initialize_or_restore(sess)
            print(sess.run([step, ckpt.save_counter]))
            print([round(float(sess.run([loss, train])[0]), 5) for _ in range(3)])
            with sess.as_default():
                print(manager.save(), manager.checkpoints)
    with tf.Graph().as_default():
        loss, train, step, ckpt = build()
        empty = tf.train.CheckpointManager(ckpt, "empty", max_to_keep=None,
                                           init_fn=lambda: print("init_fn called"))
        print(empty.restore_or_initialize(), empty.checkpoints)
        show_error(tf.train.CheckpointManager, ckpt, "bad", max_to_keep=0)
        show_error(tf.train.CheckpointManager, ckpt, "bad", 1, checkpoint_interval=2)
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
