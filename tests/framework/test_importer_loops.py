"""import_graph_def of a GraphDef holding a tf.while_loop: the loop's back edges (Merge inputs
from NextIteration, later in any topological order) are restored, so the imported graph is the
exported one; running such a loop is not supported yet and says so."""

import pytest

import tfcompat as tf


def _loop_graph_def():
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, [], name="x")
        result = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * 2.0),
                               [tf.constant(0), x])
    return graph.as_graph_def(), result[1].name


def _structure(graph_def):
    return [(n.name, n.op, list(n.input)) for n in graph_def.node]


def test_a_while_loop_graph_def_imports_with_its_back_edges():
    graph_def, _ = _loop_graph_def()
    imported = tf.Graph()
    with imported.as_default():
        tf.import_graph_def(graph_def, name="")
    assert sorted(_structure(imported.as_graph_def())) == sorted(_structure(graph_def))
    merge = imported.get_operation_by_name("while/Merge_1")
    assert [t.name for t in merge.inputs] == ["while/Enter_1:0", "while/NextIteration_1:0"]
    assert merge in imported.get_tensor_by_name("while/NextIteration_1:0").consumers()


def test_running_an_imported_while_loop_says_it_is_not_supported():
    graph_def, fetch = _loop_graph_def()
    with tf.Graph().as_default():
        out = tf.import_graph_def(graph_def, return_elements=[fetch], name="")[0]
        with tf.Session() as sess, pytest.raises(tf.errors.UnimplementedError,
                                                 match="while loop left by 'while/Exit_1'"):
            sess.run(out, {"x:0": 1.5})
