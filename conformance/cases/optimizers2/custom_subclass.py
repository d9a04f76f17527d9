# A user's Optimizer subclass (TF1's protected API): _create_slots, _prepare, _apply_dense,
# _apply_sparse, _finish, slots from a tensor / an initializer / zeros, non-slot variables.


class SignMomentum(tf.train.Optimizer):
    def __init__(self, learning_rate, beta=0.9, use_locking=False, name="SignMomentum"):
        super().__init__(use_locking, name)
        self._lr = learning_rate
        self._beta = beta

    def _create_slots(self, var_list):
        first = min(var_list, key=lambda v: v.name)
        self._create_non_slot_variable(initial_value=0.0, name="steps", colocate_with=first)
        for v in var_list:
            self._zeros_slot(v, "m", self._name)
            self._get_or_make_slot(v, tf.ones_like(v.initialized_value()) * 0.5, "scale",
                                   "scale_op")
            self._get_or_make_slot_with_initializer(
                v, tf.constant_initializer(2.0), v.shape, v.dtype.base_dtype, "two", "two_op")

    def _prepare(self):
        self._lr_t = tf.convert_to_tensor(self._call_if_callable(self._lr), name="lr")
        self._beta_t = tf.convert_to_tensor(self._beta, name="beta")

    def _apply_dense(self, grad, var):
        m = self.get_slot(var, "m")
        m_t = tf.assign(m, self._beta_t * m + (1 - self._beta_t) * grad)
        scale = self.get_slot(var, "scale") * self.get_slot(var, "two")
        return tf.assign_sub(var, self._lr_t * scale * tf.sign(m_t)).op

    def _apply_sparse(self, grad, var):
        return tf.scatter_sub(var, grad.indices, self._lr_t * tf.sign(grad.values)).op

    def _finish(self, update_ops, name_scope):
        steps = self._get_non_slot_variable("steps", graph=tf.get_default_graph())
        with tf.control_dependencies(update_ops):
            inc = tf.assign_add(steps, 1.0)
        return tf.group(*update_ops + [inc], name=name_scope)


w = tf.Variable([1.0, -2.0, 3.0], name="w")
emb = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="emb")
loss = tf.reduce_sum(w * w) + tf.reduce_sum(tf.gather(emb, [1]))
gs = tf.train.get_or_create_global_step()
opt = SignMomentum(0.1)
train = opt.minimize(loss, global_step=gs)
print(train.name, opt.get_slot_names(), [v.name for v in opt.variables()])
print(opt.get_slot(w, "m"), opt.get_slot(w, "scale"), opt.get_slot(emb, "two"))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
    print(sess.run([w, emb, gs, opt._get_non_slot_variable("steps", tf.get_default_graph())]))
