# tf.io.decode_proto / encode_proto for tfcompat's own message types.
sess = tf.Session()
fl = [tf.train.FloatList(value=[1.5, 2.5]).SerializeToString(),
      tf.train.FloatList(value=[3.0]).SerializeToString(), b""]
sizes, values = tf.io.decode_proto(fl, "tensorflow.FloatList", ["value"], [tf.float32])
print(sizes.op.type, sizes.op.name, sizes.dtype, sizes.shape, [v.shape for v in values])
out = sess.run([sizes, values])
print(out[0].tolist(), out[1][0].tolist(), out[1][0].dtype)
ex = tf.train.Example(features=tf.train.Features(feature={
    "a": tf.train.Feature(int64_list=tf.train.Int64List(value=[1, -2]))}))
s, v = tf.io.decode_proto(tf.constant([[ex.SerializeToString()]]), "tensorflow.Example",
                          ["features"], [tf.string])
print(s.shape, v[0].shape)
got = sess.run([s, v])
print(got[0].tolist(), got[1][0].tolist())
scalar = tf.io.decode_proto(tf.constant(ex.SerializeToString()), "tensorflow.Example",
                            ["features"], [tf.string])
print(scalar.sizes.shape, [t.shape for t in scalar.values])
il = [tf.train.Int64List(value=[5, -7, 1 << 40]).SerializeToString()]
print([x.tolist() for x in sess.run(tf.io.decode_proto(il, "tensorflow.Int64List", ["value"],
                                                       [tf.int64]))[1]])
print(sess.run(tf.io.decode_proto(fl, "tensorflow.FloatList", ["value"], [tf.float64]))[1][0]
      .tolist())
for label, args in [
        ("unknown type", (fl, "tensorflow.Nope", ["value"], [tf.float32])),
        ("unknown field", (fl, "tensorflow.FloatList", ["nope"], [tf.float32])),
        ("bad type", (fl, "tensorflow.FloatList", ["value"], [tf.int32])),
        ("int64 as int32", (il, "tensorflow.Int64List", ["value"], [tf.int32])),
        ("corrupt", ([b"\xff\xff"], "tensorflow.FloatList", ["value"], [tf.float32]))]:
    print(label)
    show_error(sess.run, tf.io.decode_proto(*args))
# TensorShapeProto of [2, None, 3] and its Dim messages, serialized
shp = b"\x12\x02\x08\x02\x12\x0b\x08" + b"\xff" * 9 + b"\x01\x12\x02\x08\x03"
d = sess.run(tf.io.decode_proto([shp], "tensorflow.TensorShapeProto", ["dim", "unknown_rank"],
                                [tf.string, tf.bool]))
print(d[0].tolist(), d[1][0].tolist(), d[1][1].tolist())
dims = [b"\x08\x05", b"\x08\x07"]
d = sess.run(tf.io.decode_proto(dims, "tensorflow.TensorShapeProto.Dim", ["size", "name"],
                                [tf.int64, tf.string]))
print(d[0].tolist(), d[1][0].tolist(), d[1][1].tolist())
feat = tf.train.Feature(float_list=tf.train.FloatList(value=[1.0])).SerializeToString()
d = sess.run(tf.io.decode_proto([feat], "tensorflow.Feature",
                                ["bytes_list", "float_list", "int64_list"], [tf.string] * 3))
print(d[0].tolist(), [x.tolist() for x in d[1]])
enc = tf.io.encode_proto(tf.constant([[2], [1]], tf.int32),
                         [tf.constant([[1.5, 2.5], [3.0, 0.0]])], ["value"],
                         "tensorflow.FloatList")
print(enc.op.type, enc.op.name, enc.shape, enc.dtype)
print(sess.run(enc).tolist())
show_error(sess.run, tf.io.encode_proto(tf.constant([[3]]), [tf.constant([[1.0, 2.0]])],
                                        ["value"], "tensorflow.FloatList"))
print(sess.run(tf.io.encode_proto(tf.constant([[2, 1]], tf.int32),
                                  [tf.constant([[b"x", b"y"]]), tf.constant([[True]])],
                                  ["dim", "unknown_rank"], "tensorflow.TensorShapeProto"))
      .tolist())
print(sess.run(tf.io.encode_proto(tf.constant([[1, 1]]), [tf.constant([[4]], tf.int64),
                                                          tf.constant([[b"n"]])],
                                  ["size", "name"], "tensorflow.TensorShapeProto.Dim"))
      .tolist())
show_error(tf.io.encode_proto, tf.constant([[2]]), [tf.constant([1.0, 2.0])], ["value"],
           "tensorflow.FloatList")
