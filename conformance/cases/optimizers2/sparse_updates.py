# IndexedSlices gradients (tf.gather of an embedding with a repeated id) in every optimizer:
# the sparse update ops (ScatterSub, SparseApply*, sparse Adam) and three steps of values.

opts = [("gd", lambda gs: tf.train.GradientDescentOptimizer(0.1)),
 ("mom", lambda gs: tf.train.MomentumOptimizer(0.1, 0.9)),
 ("nest", lambda gs: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True)),
 ("adam", lambda gs: tf.train.AdamOptimizer(0.1)),
 ("adagrad", lambda gs: tf.train.AdagradOptimizer(0.1)),
 ("rms", lambda gs: tf.train.RMSPropOptimizer(0.1)),
 ("rmsc", lambda gs: tf.train.RMSPropOptimizer(0.1, momentum=0.5, centered=True)),
 ("adadelta", lambda gs: tf.train.AdadeltaOptimizer(1.0)),
 ("ftrl", lambda gs: tf.train.FtrlOptimizer(0.1, l1_regularization_strength=0.01)),
 ("ftrl2", lambda gs: tf.train.FtrlOptimizer(0.1, l2_shrinkage_regularization_strength=0.1)),
 ("pgd", lambda gs: tf.train.ProximalGradientDescentOptimizer(0.1, 0.01, 0.02)),
 ("pada", lambda gs: tf.train.ProximalAdagradOptimizer(0.1, l1_regularization_strength=0.01)),
 ("da", lambda gs: tf.train.AdagradDAOptimizer(0.1, gs)),
]
for name, mk in opts:
    with tf.Graph().as_default():
        emb = tf.Variable(np.arange(12, dtype=np.float32).reshape(4, 3) / 10, name="emb")
        ids = tf.constant([2, 0, 2])
        loss = tf.reduce_sum(tf.square(tf.gather(emb, ids) - 1.0))
        gs = tf.train.get_or_create_global_step()
        opt = mk(gs)
        gv = opt.compute_gradients(loss)
        n0 = len(tf.get_default_graph().get_operations())
        train = opt.apply_gradients(gv, global_step=gs)
        ops = tf.get_default_graph().get_operations()[n0:]
        print(name, type(gv[0][0]).__name__,
              [(o.name, o.type) for o in ops if "update_emb" in o.name])
        with tf.Session() as s:
            s.run(tf.global_variables_initializer())
            for _ in range(3):
                s.run(train)
            print(np.round(s.run(emb), 5).tolist())
