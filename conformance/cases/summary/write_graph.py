# tf.train.write_graph: text (sorted attrs, Python float spelling) and binary (deterministic).
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

x = tf.placeholder(tf.float32, [None, 2], name='x')
c = tf.constant(1.0, name='c')
d = tf.constant([1.5, 2.0], name='d')
s = tf.constant('h\u00e9', name='s')
y = tf.identity(x, name='y')
logdir = tempfile.mkdtemp()
path = tf.train.write_graph(tf.get_default_graph(), os.path.join(logdir, 'sub'), 'g.pbtxt')
print(os.path.relpath(path, logdir))
print(open(path).read())
binary = tf.train.write_graph(tf.get_default_graph().as_graph_def(), logdir, 'g.pb', as_text=False)
data = open(binary, 'rb').read()
print(data == tf.get_default_graph().as_graph_def().SerializeToString(deterministic=True))
print([n.name for n in tf.GraphDef.FromString(data).node])
by_hand = tf.GraphDef()
node = by_hand.node.add(name='n', op='LeakyRelu', input=['x'])
node.attr['alpha'].f = 0.1
node.attr['T'].type = tf.float32.as_datatype_enum
node.attr['ints'].list.i.extend([1, -2])
node.attr['shape'].shape.unknown_rank = True
node = by_hand.node.add(name='k', op='Const')
node.attr['value'].tensor.double_val.extend([1.0, 1e20, 0.1, 2.5e-7])
print(open(tf.train.write_graph(by_hand, logdir, 'h.pbtxt'), encoding='utf-8').read())
shutil.rmtree(logdir)
