# tf.random.Generator: the sample streams, state updates, op types and names.
gen = tf.random.Generator.from_seed(1)
st = gen.state
print(gen.algorithm, st.dtype.base_dtype.name, st.shape)
built = [gen.normal([3]), gen.normal([2, 2], mean=1.0, stddev=2.0, dtype=tf.float64),
         gen.uniform([3]), gen.uniform([4], minval=0, maxval=10, dtype=tf.int32),
         gen.uniform([2], minval=-1.0, maxval=3.0), gen.truncated_normal([2]),
         gen.make_seeds(3), gen.uniform_full_int([2], dtype=tf.int64),
         gen.uniform_full_int([3]), gen.uniform([3], minval=None, maxval=None, dtype=tf.int32),
         gen.normal([0])]
g2 = tf.random.Generator.from_state([5, 6, 7], "philox")
g3 = tf.random.Generator.from_key_counter(9, [1, 2], tf.random.Algorithm.PHILOX)
g4 = tf.random.Generator.from_seed(2**70 + 5, "auto_select")
others = [g2.normal([4]), g3.uniform([3]), g4.normal([2])]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print("init", sess.run(st).tolist())
    for t in built:
        v = sess.run(t)
        print(t.op.type, t.op.name, t.dtype.name, t.shape, np.asarray(v).tolist(),
              sess.run(st).tolist())
    for t in others:
        print(t.op.name, sess.run(t).tolist())
    print(sess.run([g2.state, g3.state, g4.state]))
    # a second run of the same op draws new numbers
    print(sess.run(built[0]).tolist(), sess.run(st).tolist())
    gen.reset_from_seed(1)  # (TF returns None in graph mode; tfcompat returns the assign)
    skipped = gen.skip(5)
    print(skipped.op.type if skipped is not None else None)
show_error(tf.random.Generator.from_seed, 1, "foo")
print(type(tf.random.get_global_generator()).__name__,
      tf.random.experimental.Generator is tf.random.Generator)
# (Generator.split raises NotImplementedError in TF 2.21 graph mode; tfcompat builds it.)
