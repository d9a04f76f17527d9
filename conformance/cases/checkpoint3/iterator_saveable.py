# make_saveable_from_iterator: the saveable's names and specs, the Saver graph it adds
# (SerializeIterator, save/DeserializeIterator), and resuming at the saved element after a
# restore, for a one-shot and a shuffled, repeated, batched initializable iterator.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
try:
    with tf.Graph().as_default() as g:
        it = tf.data.make_one_shot_iterator(tf.data.Dataset.range(10).map(lambda x: x * 2))
        nxt = it.get_next()
        sv = tf.data.experimental.make_saveable_from_iterator(it)
        print(sv.name, [(s.name, s.slice_spec, s.dtype.name) for s in sv.specs])
        print(sv.specs[0].tensor, sv.op)
        tf.add_to_collection(tf.GraphKeys.SAVEABLE_OBJECTS, sv)
        v = tf.Variable(3.0, name="v")
        saver = tf.train.Saver()
        for op in g.get_operations():
            if op.name.startswith("save/") or op.type == "SerializeIterator":
                print(op.name, op.type, [t.name for t in op.inputs], op.device)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            print([int(sess.run(nxt)) for _ in range(3)])
            prefix = saver.save(sess, os.path.join(root, "m"), write_meta_graph=False)
            print([int(sess.run(nxt)) for _ in range(2)])
            saver.restore(sess, prefix)
            print([int(sess.run(nxt)) for _ in range(2)])
        with tf.Session() as sess:
            saver.restore(sess, prefix)
            print(int(sess.run(nxt)), sess.run(v))
        print([name for name, _ in tf.train.list_variables(prefix)])
        print(tf.train.load_checkpoint(prefix).get_variable_to_dtype_map()[
            "OneShotIterator:0_STATE"])
    with tf.Graph().as_default():
        dataset = tf.data.Dataset.range(5).map(lambda x: x * 3).repeat(3).batch(2)
        it = tf.data.make_initializable_iterator(dataset)
        nxt = it.get_next()
        sv = tf.data.experimental.make_saveable_from_iterator(it, external_state_policy="warn")
        print(sv.name, sv.specs[0].name)
        saver = tf.train.Saver([sv])
        with tf.Session() as sess:
            sess.run(it.initializer)
            print([sess.run(nxt).tolist() for _ in range(3)])
            prefix = saver.save(sess, os.path.join(root, "s"), write_meta_graph=False)
            print([sess.run(nxt).tolist() for _ in range(5)])
            show_error(sess.run, nxt)
            saver.restore(sess, prefix)
            print([sess.run(nxt).tolist() for _ in range(5)])
        show_error(tf.data.experimental.make_saveable_from_iterator, it,
                   external_state_policy="bad")
finally:
    shutil.rmtree(root)
