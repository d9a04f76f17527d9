# Building TensorShapes from lists, tuples, Dimensions, other shapes and tf.TensorShape(None).
print(tf.TensorShape([tf.Dimension(2), None, 3]))
print(tf.TensorShape(tf.TensorShape([1, 2])))
print(tf.TensorShape(4), tf.TensorShape(()), tf.TensorShape([np.int64(2), np.int32(3)]))
print(tf.TensorShape([2, 3]).as_list() == [2, 3], tuple(tf.TensorShape([2, 3]).as_list()))
print(repr(tf.TensorShape([])))
show_error(tf.TensorShape, [1.5])
show_error(tf.TensorShape, 'ab')
print(tf.TensorShape([None]).is_fully_defined(), tf.TensorShape([1, 2]).num_elements())
print(tf.TensorShape([2, 3]) != tf.TensorShape([2, 4]), bool(tf.TensorShape([])),
      bool(tf.TensorShape([0])))
