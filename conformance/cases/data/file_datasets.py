# TextLineDataset (plain and GZIP), TFRecordDataset (ZLIB), FixedLengthRecordDataset,
# list_files and matching_files.
import gzip
import os
import tempfile

tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "a.txt"), "w") as f:
    f.write("one\r\ntwo\n\nfour")
with gzip.open(os.path.join(tmp, "b.txt.gz"), "wb") as f:
    f.write(b"zipped line\nsecond\n")
with open(os.path.join(tmp, "c.bin"), "wb") as f:
    f.write(b"HDR" + bytes(range(12)) + b"FT")
opts = tf.python_io.TFRecordOptions(tf.python_io.TFRecordCompressionType.ZLIB)
with tf.python_io.TFRecordWriter(os.path.join(tmp, "d.tfrecord"), opts) as w:
    for r in (b"r0", b"record one", b""):
        w.write(r)
sess = tf.Session()


def drain(dataset):
    nxt = dataset.make_one_shot_iterator().get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


print(drain(tf.data.TextLineDataset(os.path.join(tmp, "a.txt"))))
print(drain(tf.data.TextLineDataset([os.path.join(tmp, "b.txt.gz")], compression_type="GZIP")))
print(drain(tf.data.FixedLengthRecordDataset([os.path.join(tmp, "c.bin")], 4, header_bytes=3,
                                             footer_bytes=2)))
print(drain(tf.data.TFRecordDataset([os.path.join(tmp, "d.tfrecord")], compression_type="ZLIB")))
files = drain(tf.data.Dataset.list_files(os.path.join(tmp, "*.txt*"), shuffle=False))
print([os.path.basename(f.decode()) for f in files])
found = sess.run(tf.io.matching_files(os.path.join(tmp, "*")))
print([os.path.basename(f.decode()) for f in found])
ds = tf.data.TextLineDataset(os.path.join(tmp, "a.txt"))
print(ds.output_types, ds.output_shapes)
show_error(sess.run, tf.data.TextLineDataset(os.path.join(tmp, "missing.txt"))
           .make_one_shot_iterator().get_next())
with open(os.path.join(tmp, "e.csv"), "w") as f:
    f.write("a,b,c\n1,2.5,x\n,3.5,\"q,r\"\n4,,z\n")
csv = tf.data.experimental.CsvDataset(os.path.join(tmp, "e.csv"), [[0], [0.0], tf.string],
                                      header=True)
print(csv.output_types, csv.output_shapes)
print(drain(csv))
print(drain(tf.data.experimental.CsvDataset(os.path.join(tmp, "e.csv"), [[7], ["s"]],
                                            header=True, select_cols=[0, 2])))
out_path = os.path.join(tmp, "written.tfrecord")
write = tf.data.experimental.TFRecordWriter(out_path, "GZIP").write(
    tf.data.Dataset.from_tensor_slices(["w1", "w22", ""]))
print(write.type)
sess.run(write)
print(drain(tf.data.TFRecordDataset(out_path, compression_type="GZIP")))
