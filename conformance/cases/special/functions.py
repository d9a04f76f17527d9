# tf.math.special: op types and names, float64 values (special values included), float32 values
# at moderate arguments, gradients.
names = ["bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e", "bessel_j0", "bessel_j1",
         "bessel_k0", "bessel_k0e", "bessel_k1", "bessel_k1e", "bessel_y0", "bessel_y1",
         "dawsn", "expint", "fresnel_cos", "fresnel_sin", "spence"]
points = [-3.0, -0.5, 0.0, 0.25, 1.0, 2.0, 3.5, 8.0, 15.0, 40.0, np.inf, -np.inf, np.nan]
x64 = tf.constant(points, tf.float64)
x32 = tf.constant([0.25, 0.75, 1.5, 2.0, 3.0], tf.float32)
g = tf.placeholder(tf.float64, [4])
np.set_printoptions(precision=6, suppress=False)
with tf.Session() as sess:
    for name in names:
        fn = getattr(tf.math.special, name)
        y64 = fn(x64)
        y32 = fn(x32, name="f32_" + name)
        grad = tf.gradients(fn(g), g)[0]
        v64, v32, dv = sess.run([y64, y32, grad], {g: [0.3, 1.2, 2.6, 5.5]})
        print(name, y64.op.type, y64.op.name, y32.op.name, y32.dtype.name)
        print(" ", v64)
        print(" ", v32)
        print(" ", dv)
show_error(tf.math.special.dawsn, tf.constant([1, 2]))
print(tf.math.special.spence(tf.placeholder(tf.float16, [None, 3])).shape)
