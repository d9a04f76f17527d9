# dynamic_rnn's graph: the while loop over TensorArrays, CheckSeqLen, Select copy-through.
graph = tf.get_default_graph()


def dump(start):
    for op in graph.get_operations()[start:]:
        extra = op.get_attr("tensor_array_name") if op.type == "TensorArrayV3" else ""
        print(" ", op.name, op.type, [t.name for t in op.inputs],
              [c.name for c in op.control_inputs], [str(o.shape) for o in op.outputs], extra)


x = tf.placeholder(tf.float32, [None, None, 3], name="x")
sl = tf.placeholder(tf.int32, [None], name="sl")
start = len(graph.get_operations())
out, st = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(4), x, sequence_length=sl,
                            dtype=tf.float32)
dump(start)
print(out, st)
xt = tf.placeholder(tf.float32, [5, 2, 3], name="xt")
start = len(graph.get_operations())
out, st = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(2), xt, dtype=tf.float32,
                            time_major=True, scope="lstm")
dump(start)
print(out, st)
