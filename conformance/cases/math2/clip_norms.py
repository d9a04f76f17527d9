# clip_by_norm, clip_by_average_norm, global_norm, clip_by_global_norm: values and gradients.
a = tf.constant([[3.0, 4.0], [1.0, -1.0]])
b = tf.constant([12.0, 5.0])
ts = [tf.clip_by_norm(a, 2.0), tf.clip_by_norm(a, 2.0, axes=[1]), tf.clip_by_norm(b, 100.0),
      tf.clip_by_average_norm(a, 0.5), tf.global_norm([a, b]), tf.global_norm([a, None])]
clipped, norm = tf.clip_by_global_norm([a, None, b], 5.0)
ts += [clipped[0], clipped[2], norm]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
print(clipped[1])
g = tf.gradients([tf.clip_by_norm(a, 2.0), clipped[2]], [a, b])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print([np.array2string(v, precision=6) for v in sess.run(g)])
