# merge_with fills unknown dimensions and rejects conflicts.
a = tf.TensorShape([None, 3])
b = tf.TensorShape([2, None])
print(a.merge_with(b))
print(a.merge_with(tf.TensorShape(None)), tf.TensorShape(None).merge_with(a))
print(tf.TensorShape(None).merge_with(tf.TensorShape(None)))
print(a.merge_with([5, 3]))
show_error(a.merge_with, tf.TensorShape([2, 4]))
show_error(a.merge_with, tf.TensorShape([2, 3, 4]))
