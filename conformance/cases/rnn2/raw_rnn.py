# tf.nn.raw_rnn: the documented loop_fn pattern over a TensorArray of inputs.
tf.set_random_seed(2)
max_time, batch, depth, units = 4, 3, 2, 5
inputs = tf.placeholder(tf.float32, [max_time, batch, depth], name="inputs")
sequence_length = tf.placeholder(tf.int32, [batch], name="sequence_length")
inputs_ta = tf.TensorArray(dtype=tf.float32, size=max_time).unstack(inputs)
cell = tf.nn.rnn_cell.LSTMCell(units)


def loop_fn(time, cell_output, cell_state, loop_state):
    emit_output = cell_output
    if cell_output is None:
        next_cell_state = cell.zero_state(batch, tf.float32)
    else:
        next_cell_state = cell_state
    elements_finished = time >= sequence_length
    finished = tf.reduce_all(elements_finished)
    next_input = tf.cond(finished, lambda: tf.zeros([batch, depth], dtype=tf.float32),
                         lambda: inputs_ta.read(time))
    next_loop_state = None if loop_state is None else loop_state + 1
    return elements_finished, next_input, next_cell_state, emit_output, next_loop_state


outputs_ta, final_state, final_loop_state = tf.nn.raw_rnn(cell, loop_fn)
outputs = outputs_ta.stack()
print(outputs, final_state, final_loop_state)
graph = tf.get_default_graph()
print([op.name for op in graph.get_operations() if op.type == "TensorArrayV3"])
print([op.name for op in graph.get_operations() if op.type == "Exit"])
loss = tf.reduce_sum(outputs) + tf.reduce_sum(final_state.c)
grads = tf.gradients(loss, [inputs] + tf.trainable_variables())
value = np.random.RandomState(1).uniform(-1, 1, [max_time, batch, depth]).astype(np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    feed = {inputs: value, sequence_length: [4, 2, 1]}
    out, st = sess.run([outputs, final_state], feed)
    print(out.shape, np.round(out, 5))
    print(np.round(st.c, 5), np.round(st.h, 5))
    for g in sess.run(grads, feed):
        print(np.round(g, 4))


gru = tf.nn.rnn_cell.GRUCell(2)


def counting_loop_fn(time, cell_output, cell_state, loop_state):
    if cell_output is None:
        state = gru.zero_state(batch, tf.float32)
        return (time >= sequence_length, inputs_ta.read(0), state, None, tf.constant(0))
    finished = time >= sequence_length
    next_input = tf.cond(tf.reduce_all(finished), lambda: tf.zeros([batch, depth]),
                         lambda: inputs_ta.read(tf.minimum(time, max_time - 1)))
    return finished, next_input, cell_state, cell_output, loop_state + 1


with tf.variable_scope("counting"):
    ta2, _, count = tf.nn.raw_rnn(gru, counting_loop_fn)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([count, tf.shape(ta2.stack())], {inputs: value, sequence_length: [2, 3, 1]}))
