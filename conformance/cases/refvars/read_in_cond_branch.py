# A read inside a tf.cond branch, ordered after an update by a control dependency: TF's Switch
# forwards the variable's buffer, so the read sees the update.
v = tf.Variable(1.0, name='v')
pred = tf.placeholder(tf.bool, [], name='pred')


def taken():
    with tf.control_dependencies([tf.assign_add(v, 10.0)]):
        return v + 0.0


out = tf.cond(pred, taken, lambda: v * 1.0)
with tf.Session() as sess:
    sess.run(v.initializer)
    print(float(sess.run(out, {pred: True})), float(sess.run(out, {pred: False})))
    print(float(sess.run(v)))
