# FileWriter with a graph: graph_def and meta_graph_def events, and add_graph's errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

x = tf.placeholder(tf.float32, [None, 2], name='x')
w = tf.Variable([[1.0], [2.0]], name='w')
y = tf.matmul(x, w)
with tf.control_dependencies([y]):
    z = tf.identity(y, name='z')
loss = tf.summary.scalar('loss', tf.reduce_mean(z))
c = tf.constant([1, 2, 3], tf.int64)
init = tf.global_variables_initializer()
logdir = tempfile.mkdtemp()
writer = tf.summary.FileWriter(logdir, tf.get_default_graph())
writer.add_graph(tf.get_default_graph(), global_step=3)
show_error(writer.add_graph, tf.get_default_graph(), graph_def=tf.GraphDef())
show_error(writer.add_graph, 'not a graph')
show_error(writer.add_meta_graph, 'not a meta graph')
writer.close()
path = os.path.join(logdir, os.listdir(logdir)[0])
graph_defs = []
for e in tf.train.summary_iterator(path):
    kind = e.WhichOneof('what')
    print(kind, e.step)
    if kind == 'graph_def':
        graph_defs.append(tf.GraphDef.FromString(e.graph_def))
    if kind == 'meta_graph_def':
        meta = tf.MetaGraphDef.FromString(e.meta_graph_def)
        print(sorted(meta.collection_def.keys()), meta.graph_def == graph_defs[0])
        print(meta.collection_def['summaries'])
g = graph_defs[0]
print(g == graph_defs[1], g.versions.producer > 0)
for node in g.node:
    print(node.name, node.op, list(node.input), repr(node.device))
    for key in ['T', 'dtype', 'shape', 'value', '_output_shapes', 'transpose_a']:
        if key in node.attr:
            print('   ', key, str(node.attr[key]).replace('\n', ' '))
shutil.rmtree(logdir)
