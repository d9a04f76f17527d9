# import_graph_def validates what TF validates: node names (TF's node-name rule), required
# attrs, registered op types; a py_func whose callback lives in another process fails at run.
def graph_def_with(name, op='Const', drop=()):
    g = tf.Graph()
    with g.as_default():
        tf.constant(1.0, name='c')
    gd = g.as_graph_def()
    node = gd.node[0]
    node.name = name
    node.op = op
    for attr in drop:
        del node.attr[attr]
    return gd


for name in ['a\nb', 'a b', '_x', '-x', 'a/b', 'a.b', 'A_1', 'a>b', 'a:b', '', '1a', '.a',
             'a//b', 'a/']:
    tf.reset_default_graph()
    print(repr(name), end=' ')
    show_error(tf.import_graph_def, graph_def_with(name), name='')
for attr in ['value', 'dtype']:
    tf.reset_default_graph()
    show_error_contains(lambda a=attr: tf.import_graph_def(graph_def_with('c', drop=[a]), name=''),
                        f"NodeDef missing attr '{attr}' from Op<name=Const")
tf.reset_default_graph()
show_error_contains(lambda: tf.import_graph_def(graph_def_with('c', op='NoSuchOp'), name=''),
                    "Op type not registered 'NoSuchOp' in binary running on")
g = tf.Graph()
with g.as_default():
    x = tf.constant(1.0, name='x')
    tf.identity(x, name='y')
gd = g.as_graph_def()
del gd.node[1].attr['T']
tf.reset_default_graph()
show_error_contains(lambda: tf.import_graph_def(gd, name=''), "NodeDef missing attr 'T'")

g = tf.Graph()
with g.as_default():
    x = tf.constant(1.0, name='x')
    tf.py_func(lambda a: a * 2, [x], tf.float32, name='pf')
gd = g.as_graph_def()
for node in gd.node:
    if node.op == 'PyFunc':
        node.attr['token'].s = b'pyfunc_999'
tf.reset_default_graph()
out = tf.import_graph_def(gd, name='', return_elements=['pf:0'])
with tf.Session() as sess:
    show_error(sess.run, out[0])
    show_error_contains(lambda: sess.run(out[0]),
                        'Could not find callback with key=pyfunc_999 in the registry')
    print(sess.run(tf.constant(3.0) * 2))
