# SequenceExample parsing (single and batched) and SparseFeature.
def ints(*v):
    return tf.train.Feature(int64_list=tf.train.Int64List(value=v))


def floats(*v):
    return tf.train.Feature(float_list=tf.train.FloatList(value=v))


se = tf.train.SequenceExample(
    context=tf.train.Features(feature={"len": ints(3)}),
    feature_lists=tf.train.FeatureLists(feature_list={
        "tok": tf.train.FeatureList(feature=[ints(v) for v in (5, 6, 7)]),
        "vec": tf.train.FeatureList(feature=[floats(1., v) for v in (2., 3.)])}))
s = se.SerializeToString()
c, f = tf.parse_single_sequence_example(
    s, context_features={"len": tf.FixedLenFeature([], tf.int64)},
    sequence_features={"tok": tf.FixedLenSequenceFeature([], tf.int64),
                       "vec": tf.VarLenFeature(tf.float32)})
print(c, f)
print(c["len"].op.name, c["len"].op.type, [i.op.name for i in c["len"].op.inputs])
sess = tf.Session()
print(sess.run((c, f)))
short = tf.train.SequenceExample(feature_lists=tf.train.FeatureLists(feature_list={
    "tok": tf.train.FeatureList(feature=[ints(9)])})).SerializeToString()
r = tf.io.parse_sequence_example(
    [s, short], context_features={"len": tf.FixedLenFeature([], tf.int64, default_value=-1)},
    sequence_features={"tok": tf.FixedLenSequenceFeature([], tf.int64)})
print(r)
print(sess.run(r))
show_error(sess.run, tf.parse_single_sequence_example(short, sequence_features={
    "vec": tf.FixedLenSequenceFeature([2], tf.float32)}))
ex = tf.train.Example(features=tf.train.Features(feature={"ix": ints(3, 1),
                                                           "val": floats(.5, .25)}))
sf = tf.parse_example([ex.SerializeToString()],
                      {"sp": tf.SparseFeature("ix", "val", tf.float32, 5)})
print(sf, sess.run(sf))
