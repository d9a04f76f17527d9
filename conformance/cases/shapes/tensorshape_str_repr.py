# str and repr of TensorShape for known, partially known and unknown shapes.
for s in [tf.TensorShape([]), tf.TensorShape([2, 3]), tf.TensorShape([None, 3]),
          tf.TensorShape([None, None]), tf.TensorShape(None), tf.TensorShape([0]),
          tf.TensorShape([5]), tf.TensorShape((1, None, 4))]:
    print(str(s), '|', repr(s), '|', s.ndims, '|', len(s) if s.ndims is not None else 'no len')
