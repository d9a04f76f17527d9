# repr of Operations, their name/type/inputs/outputs and a few attributes.
a = tf.constant([1.0, 2.0], name='a')
b = tf.add(a, a, name='b')
p = tf.placeholder(tf.int32, [None], name='p')
n = tf.no_op(name='n')
for op in [a.op, b.op, p.op, n]:
    print(repr(op), op.name, op.type, len(op.inputs), len(op.outputs), op.device == '')
print(list(b.op.inputs), b.op.outputs)
print(b.op.get_attr('T'), p.op.get_attr('dtype'), tf.TensorShape(p.op.get_attr('shape')))
print(a.op.node_def.name, a.op.node_def.op, list(b.op.node_def.input))
print(b.op.values() == tuple(b.op.outputs), n.outputs, n.values())
show_error(b.op.get_attr, 'nope')
print(a.consumers() == [b.op], [op.name for op in a.consumers()], b.consumers())
