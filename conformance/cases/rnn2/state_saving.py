# tf.nn.static_state_saving_rnn with a state saver keeping states in variables.
tf.set_random_seed(9)


class Saver:
    def __init__(self):
        self.variables = {}

    def state(self, name):
        if name not in self.variables:
            self.variables[name] = tf.Variable(tf.zeros([2, 3]), name=name)
        return self.variables[name].read_value()

    def save_state(self, name, value):
        return tf.assign(self.variables[name], value, name="save_" + name)


saver = Saver()
steps = [tf.constant(np.full([2, 4], 0.1 * (k + 1), np.float32)) for k in range(3)]
outs, state = tf.nn.static_state_saving_rnn(tf.nn.rnn_cell.BasicLSTMCell(3), steps, saver,
                                            ("c_state", "h_state"))
print(outs, state)
print([c.name for c in outs[-1].op.control_inputs], outs[0].op.type)
gru_saver = Saver()
g_outs, g_state = tf.nn.static_state_saving_rnn(tf.nn.rnn_cell.GRUCell(3), steps, gru_saver,
                                                "gru_state", sequence_length=[3, 1], scope="g")
print(g_outs[-1], g_state, [c.name for c in g_state.op.control_inputs])
show_error(tf.nn.static_state_saving_rnn, tf.nn.rnn_cell.GRUCell(3), steps, gru_saver,
           ("a", "b"))
show_error(tf.nn.static_state_saving_rnn, tf.nn.rnn_cell.BasicLSTMCell(3), steps, saver,
           ("a", "b", "c"))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(2):
        print(np.round(sess.run([outs[-1], state.c, g_state]), 5))
    print(np.round(sess.run(saver.variables["h_state"]), 5))
