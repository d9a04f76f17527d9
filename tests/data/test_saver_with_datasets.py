"""Saver.save writes the meta graph of a graph holding tf.data functions and one-shot iterators
(function-valued attrs export as AttrValue.func, as TF's GraphDefs name their library functions)."""

import os

import tfcompat as tf


def test_saver_saves_and_reimports_a_graph_with_a_mapped_one_shot_iterator(tmp_path):
    with tf.Graph().as_default() as graph:
        ds = tf.data.Dataset.range(10).map(lambda x: x * 2).filter(lambda x: x > 2)
        nxt = ds.make_one_shot_iterator().get_next()
        v = tf.Variable(3.0, name="v")
        saver = tf.train.Saver()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            assert sess.run(nxt) == 4
            prefix = saver.save(sess, os.path.join(tmp_path, "model"))
        nodes = {n.name: n for n in graph.as_graph_def().node}
    map_node = next(n for n in nodes.values() if n.op == "MapDataset")
    assert map_node.attr["f"].func.name.startswith("__inference_")
    iterator = next(n for n in nodes.values() if n.op == "OneShotIterator")
    assert iterator.attr["dataset_factory"].func.name
    with tf.Graph().as_default():
        restorer = tf.train.import_meta_graph(prefix + ".meta")
        with tf.Session() as sess:
            restorer.restore(sess, prefix)
            assert sess.run("v:0") == 3.0
    del v
