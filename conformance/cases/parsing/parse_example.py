# tf.train.Example messages and parse_example / parse_single_example.
ex = tf.train.Example(features=tf.train.Features(feature={
    'v': tf.train.Feature(int64_list=tf.train.Int64List(value=[4, 5])),
    'f': tf.train.Feature(float_list=tf.train.FloatList(value=[1.5, 2.5])),
    's': tf.train.Feature(bytes_list=tf.train.BytesList(value=[b'hi']))}))
print(ex.SerializeToString(deterministic=True).hex())
back = tf.train.Example.FromString(ex.SerializeToString())
print(sorted(back.features.feature), list(back.features.feature['v'].int64_list.value))
print(back.features.feature['f'].WhichOneof('kind'), back == ex)
ex = ex.SerializeToString()
ex2 = tf.train.Example(features=tf.train.Features(feature={
    'v': tf.train.Feature(int64_list=tf.train.Int64List(value=[7])),
    'f': tf.train.Feature(float_list=tf.train.FloatList(value=[3., 4.]))})).SerializeToString()
feats = {'v': tf.VarLenFeature(tf.int64), 'f': tf.FixedLenFeature([2], tf.float32),
         's': tf.FixedLenFeature([], tf.string, default_value='none'),
         'q': tf.FixedLenSequenceFeature([], tf.int64, allow_missing=True, default_value=-1)}
p = tf.parse_example([ex, ex2], feats)
for k in sorted(p):
    print(k, p[k])
print(p['f'].op.name, p['f'].op.type, [i.op.name for i in p['f'].op.inputs])
sess = tf.Session()
r = sess.run(p)
print({k: r[k] for k in sorted(r)})
p1 = tf.parse_single_example(ex, {'v': tf.VarLenFeature(tf.int64),
                                  'f': tf.FixedLenFeature([2], tf.float32)})
for k in sorted(p1):
    print(k, p1[k])
print(p1['f'].op.name, [i.op.name for i in p1['f'].op.inputs])
print(sess.run(p1))
seq = tf.train.Example(features=tf.train.Features(feature={
    'q': tf.train.Feature(int64_list=tf.train.Int64List(value=[1, 2, 3]))})).SerializeToString()
print(sess.run(tf.io.parse_example([seq, ex2], {'q': tf.io.FixedLenSequenceFeature(
    [], tf.int64, allow_missing=True)})))
print(sess.run(tf.io.parse_example([seq], {'q': tf.io.FixedLenFeature([3], tf.int64)})))
show_error(sess.run, tf.parse_example([ex2], {'s': tf.FixedLenFeature([], tf.string)}))
show_error(sess.run, tf.parse_example([ex2], {'f': tf.FixedLenFeature([3], tf.float32)}))
show_error(sess.run, tf.parse_example([ex2], {'f': tf.FixedLenFeature([2], tf.int64)}))
show_error(sess.run, tf.parse_example([b'garbage'], {'f': tf.FixedLenFeature([2], tf.int64)}))
