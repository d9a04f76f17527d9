# Compatibility between known, partial and unknown shapes.
shapes = [tf.TensorShape(None), tf.TensorShape([]), tf.TensorShape([None]), tf.TensorShape([3]),
          tf.TensorShape([None, 3]), tf.TensorShape([2, 3]), tf.TensorShape([2, 4])]
for x in shapes:
    print(str(x).ljust(10), [int(x.is_compatible_with(y)) for y in shapes])
print(tf.TensorShape([2, 3]).is_compatible_with([2, None]))
tf.TensorShape([2, 3]).assert_is_compatible_with([None, 3])
show_error(tf.TensorShape([2, 3]).assert_is_compatible_with, [3])
print(tf.TensorShape([None, 3]).most_specific_compatible_shape(tf.TensorShape([2, 4])))
