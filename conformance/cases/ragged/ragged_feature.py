# tf.io.RaggedFeature in parse_example and parse_single_example: values, partitions, dtypes.
def example(**features):
    feature = {}
    for key, values in features.items():
        if isinstance(values[0], bytes):
            feature[key] = tf.train.Feature(bytes_list=tf.train.BytesList(value=values))
        elif isinstance(values[0], float):
            feature[key] = tf.train.Feature(float_list=tf.train.FloatList(value=values))
        else:
            feature[key] = tf.train.Feature(int64_list=tf.train.Int64List(value=values))
    return tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString()


e1 = example(v=[1, 2, 3], w=[b"a", b"b"], lens=[2, 1], f=[1.5], splits=[0, 1, 3],
             ids=[0, 0, 1], starts=[0, 2], limits=[1, 3])
e2 = example(v=[4], w=[b"c"], lens=[1], f=[2.5, 3.5], splits=[0, 1], ids=[0], starts=[0],
             limits=[1])
e3 = example(v=[5, 6], w=[b"d"], lens=[0, 2], f=[4.5], splits=[0, 0, 2], ids=[1, 1],
             starts=[0, 0], limits=[0, 2])
sess = tf.Session()
F = tf.io.RaggedFeature
print(F(tf.int64), F.RowLengths("lens"), F.UniformRowLength(2))
for label, feats in [
        ("plain", {"v": F(tf.int64), "w": F(tf.string), "f": F(tf.float32)}),
        ("value_key", {"vv": F(tf.int64, value_key="v"),
                       "x": tf.io.FixedLenFeature([], tf.int64, default_value=0)}),
        ("lengths", {"v": F(tf.int64, partitions=[F.RowLengths("lens")])}),
        ("splits", {"v": F(tf.int64, partitions=[F.RowSplits("splits")])}),
        ("rowids", {"v": F(tf.int64, partitions=[F.ValueRowIds("ids")])}),
        ("starts", {"v": F(tf.int64, partitions=[F.RowStarts("starts")])}),
        ("limits", {"v": F(tf.int64, partitions=[F.RowLimits("limits")])}),
        ("uniform", {"v": F(tf.int64, partitions=[F.UniformRowLength(1)])}),
        ("int64splits", {"v": F(tf.int64, row_splits_dtype=tf.int64)}),
        ("mixed", {"v": F(tf.int64), "s": tf.io.VarLenFeature(tf.string),
                   "f": tf.io.FixedLenSequenceFeature([], tf.float32, allow_missing=True)})]:
    out = tf.io.parse_example([e1, e2, e3], feats)
    for key in sorted(out):
        value = out[key]
        if isinstance(value, tf.RaggedTensor):
            print(label, key, value.shape, value.dtype, value.ragged_rank,
                  value.row_splits.dtype)
    got = sess.run(out)
    for key in sorted(got):
        print('  ', key, got[key])
    single = sess.run(tf.io.parse_single_example(e1, feats))
    for key in sorted(single):
        print('  single', key, repr(single[key]))
