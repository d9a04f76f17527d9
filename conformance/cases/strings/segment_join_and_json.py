# tf.strings.unsorted_segment_join and tf.io.decode_json_example.
sess = tf.Session()
j = tf.strings.unsorted_segment_join(["a", "b", "c", "d"], [1, 0, 1, 3], 4, separator="+")
print(j.op.name, j.op.type, j.shape, sess.run(j))
j2 = tf.strings.unsorted_segment_join([["x", "y"], ["z", "w"]], [0, 0], 1)
print(j2.shape, sess.run(j2))
json_text = ('{"features": {"feature": {"a": {"int64List": {"value": ["3", "-4"]}}, '
             '"b": {"floatList": {"value": [1.5]}}, '
             '"c": {"bytesList": {"value": ["aGk="]}}}}}')
d = tf.io.decode_json_example([json_text])
print(d.op.name, d.op.type, d.shape)
parsed = tf.parse_example(sess.run(d), {"a": tf.FixedLenFeature([2], tf.int64),
                                        "b": tf.FixedLenFeature([], tf.float32),
                                        "c": tf.FixedLenFeature([], tf.string)})
print(sess.run(parsed))
show_error(sess.run, tf.io.decode_json_example(["{not json"]))
