# decode_raw, decode_compressed, base64, serialize_tensor/parse_tensor, read_file/write_file.
import gzip
import os
import tempfile
import zlib

sess = tf.Session()


def show(label, t):
    print(label, t.op.name, t.op.type, t.shape, t.dtype, sess.run(t))


raw = tf.constant([b"\x01\x00\x02\x00", b"\xff\xff\x00\x01"])
show("decode_raw", tf.decode_raw(raw, tf.int16))
show("decode_raw_be", tf.io.decode_raw(raw, tf.uint16, little_endian=False))
show("decode_raw_u8", tf.decode_raw(tf.constant(b"abc"), tf.uint8))
show("decode_raw_f32", tf.decode_raw(tf.constant(np.float32([1.5, -2]).tobytes()), tf.float32))
show_error(sess.run, tf.decode_raw(tf.constant([b"abc", b"abcd"]), tf.int16))
show("decode_zlib", tf.io.decode_compressed(tf.constant([zlib.compress(b"hello zlib")]), "ZLIB"))
show("decode_gzip", tf.io.decode_compressed(tf.constant(gzip.compress(b"hello gzip")), "GZIP"))
show("decode_none", tf.io.decode_compressed(tf.constant(b"plain")))
show("encode_base64", tf.io.encode_base64(tf.constant([b"hi?>", b"\xff\xfe\x00"])))
show("encode_base64_pad", tf.encode_base64(tf.constant(b"hi?>"), pad=True))
show("decode_base64", tf.io.decode_base64(tf.constant(["aGk_Pg", "__4A"])))
show_error(sess.run, tf.decode_base64(tf.constant("a")))
st = tf.io.serialize_tensor(tf.constant([[1.5, 2.0]]))
show("serialize", st)
show("parse", tf.io.parse_tensor(st, tf.float32))
show("serialize_str", tf.io.serialize_tensor(tf.constant(["a", "bc"])))
show("serialize_int", tf.serialize_tensor(tf.constant(7)))
show_error(sess.run, tf.parse_tensor(st, tf.int32))
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "f.bin")
w = tf.io.write_file(path, tf.constant(b"payload\x00!"))
print(w.name, w.type)
sess.run(w)
show("read_file", tf.io.read_file(path))
show("read_file_top", tf.read_file(tf.constant(path)))
show_error_contains(lambda: sess.run(tf.read_file(os.path.join(tmp, "missing"))),
                    "No such file or directory")
