# Readers over files named by a queue: keys, values, read_up_to, counters, end of input.
import os
import tempfile

tmp = tempfile.mkdtemp()
text_a = os.path.join(tmp, "a.txt")
text_b = os.path.join(tmp, "b.txt")
with open(text_a, "w") as f:
    f.write("header\nline one\r\nline two\n\nlast")
with open(text_b, "w") as f:
    f.write("h\nb1\nb2\n")
fixed = os.path.join(tmp, "fixed.bin")
with open(fixed, "wb") as f:
    f.write(b"HH" + bytes(range(10)) + b"F")
records = os.path.join(tmp, "r.tfrecord")
with tf.python_io.TFRecordWriter(records) as w:
    for payload in (b"alpha", b"", b"gamma!"):
        w.write(payload)
gz = os.path.join(tmp, "r.tfrecord.gz")
with tf.python_io.TFRecordWriter(gz, tf.python_io.TFRecordOptions(
        tf.python_io.TFRecordCompressionType.GZIP)) as w:
    w.write(b"zipped")


def short(key):
    return key.decode().replace(tmp + os.sep, "")


def drain(reader, files, up_to=None):
    q = tf.FIFOQueue(10, tf.string, shapes=[[]])
    fill = q.enqueue_many([files])
    close = q.close()
    read = reader.read(q) if up_to is None else reader.read_up_to(q, up_to)
    produced = reader.num_records_produced()
    done = reader.num_work_units_completed()
    with tf.Session() as sess:
        sess.run(fill)
        sess.run(close)
        while True:
            try:
                k, v = sess.run(read)
            except tf.errors.OutOfRangeError as e:
                print("  end:", type(e).__name__, sess.run([produced, done]))
                break
            if up_to is None:
                print("  ", short(k), v)
            else:
                print("  ", [short(x) for x in k], v.tolist())


r = tf.TextLineReader(skip_header_lines=1)
print(r.reader_ref.op.name, r.reader_ref.op.type, r.reader_ref.dtype, r.supports_serialize)
drain(r, [text_a, text_b])
drain(tf.TextLineReader(name="lines"), [text_b], up_to=2)
drain(tf.FixedLengthRecordReader(record_bytes=3, header_bytes=2, footer_bytes=1), [fixed])
drain(tf.FixedLengthRecordReader(record_bytes=4, hop_bytes=3), [fixed])
drain(tf.TFRecordReader(), [records])
drain(tf.TFRecordReader(options=tf.python_io.TFRecordOptions(
    tf.python_io.TFRecordCompressionType.GZIP)), [gz])
drain(tf.WholeFileReader(), [text_b, fixed])
drain(tf.IdentityReader(), ["x", "y"])
k, v = tf.TextLineReader().read(tf.FIFOQueue(1, tf.string))
print(k, v, k.op.name)
