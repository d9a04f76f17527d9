# Float32 Exp and Rsqrt are correctly rounded (as TF's are on these inputs): compare bit patterns.
x = np.array([0.0, 0.5, 1.0, 2.0, 3.0, 10.0, -1.0, -2.0, 17.25, -30.5, 60.0], np.float32)
r = np.array([0.5, 1.0, 2.0, 3.0, 10.0, 4.9901371, 2.3233776e-03, 7.5176535e-16, 1e30],
             np.float32)
with tf.Session() as sess:
    for name, t in [("exp", tf.exp(x)), ("rsqrt", tf.math.rsqrt(r))]:
        print(name, t.dtype.name, sess.run(t).view(np.int32).tolist())
