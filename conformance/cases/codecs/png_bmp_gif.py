# PNG (TF's encoder and hand-made palette / low-bit-depth files), BMP and GIF decoding.
import struct
import zlib

sess = tf.Session()
img = np.zeros((5, 7, 4), np.uint8)
img[..., 0] = np.arange(7)[None, :] * 37
img[..., 1] = np.arange(5)[:, None] * 51
img[..., 2] = (np.arange(35).reshape(5, 7) * 7) % 256
img[..., 3] = 200
for channels in (1, 2, 3, 4):
    encoded = sess.run(tf.image.encode_png(img[..., :channels]))
    print("png", channels, len(encoded), zlib.crc32(encoded))
    for want in (0, 1, 3, 4):
        out = sess.run(tf.image.decode_png(encoded, channels=want))
        print("  decode", want, out.shape, int(out.sum()), out[2, 3].tolist())
wide = (np.arange(60).reshape(3, 5, 4) * 1000).astype(np.uint16)
e16 = sess.run(tf.image.encode_png(wide))
print("png16", len(e16), zlib.crc32(e16))
print(sess.run(tf.image.decode_png(e16, dtype=tf.uint16))[1].tolist())
print(sess.run(tf.image.decode_png(e16))[1].tolist())
print(sess.run(tf.image.decode_image(e16, dtype=tf.float32))[0, 1].tolist())
e = tf.image.encode_png(img[..., :3])
print(e.op.name, e.op.type, e.shape, tf.image.decode_png(e).shape,
      tf.image.decode_png(e, channels=3).shape)


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(width, height, depth, color, rows, extra=b""):
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height,
                                                              depth, color, 0, 0, 0))
            + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


palette = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])) + chunk(b"tRNS", b"\x80")
pal = png(3, 2, 8, 3, [bytes([0, 1, 2]), bytes([2, 1, 0])], palette)
print(sess.run(tf.image.decode_png(pal)).tolist())
print(sess.run(tf.image.decode_png(pal, channels=3)).tolist())
gray2 = png(4, 1, 2, 0, [bytes([0b00011011])])
print(sess.run(tf.image.decode_png(gray2))[..., 0].tolist())
mono = png(10, 1, 1, 0, [bytes([0b10110000, 0b11000000])])
print(sess.run(tf.image.decode_png(mono))[..., 0].tolist())

bgr = np.array([[[10, 20, 30], [40, 50, 60]], [[70, 80, 90], [100, 110, 120]]], np.uint8)
rows = [bgr[r].tobytes() + b"\x00\x00" for r in (1, 0)]  # bottom-up, rows padded to 4 bytes
body = b"".join(rows)
bmp = (b"BM" + struct.pack("<IHHI", 54 + len(body), 0, 0, 54)
       + struct.pack("<IiiHHIIiiII", 40, 2, 2, 1, 24, 0, len(body), 2835, 2835, 0, 0) + body)
d = tf.image.decode_bmp(bmp)
print(d.op.type, d.shape, sess.run(d).tolist())
print(sess.run(tf.io.decode_bmp(bmp, channels=4))[0, 0].tolist(),
      sess.run(tf.image.decode_image(bmp)).shape)


def gif_frame(left, top, w, h, pixels, transparent=None):
    gce = b""
    if transparent is not None:
        gce = b"\x21\xf9\x04" + bytes([1, 0, 0, transparent]) + b"\x00"
    bits, n = 0, 0
    out = bytearray()

    def emit(code):
        nonlocal bits, n
        bits |= code << n
        n += 3
        while n >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            n -= 8
    for i in range(0, len(pixels), 2):
        emit(4)
        for p in pixels[i:i + 2]:
            emit(p)
    emit(5)
    if n:
        out.append(bits & 0xFF)
    return (gce + b"\x2c" + struct.pack("<HHHHB", left, top, w, h, 0) + b"\x02"
            + bytes([len(out)]) + bytes(out) + b"\x00")


colors = bytes([0, 0, 0, 255, 255, 255, 200, 0, 0, 0, 0, 200])
gif = (b"GIF89a" + struct.pack("<HHBBB", 3, 2, 0x81, 0, 0) + colors
       + gif_frame(0, 0, 3, 2, [1, 2, 3, 0, 1, 2])
       + gif_frame(1, 0, 2, 2, [3, 0, 0, 1], transparent=0) + b"\x3b")
g = tf.image.decode_gif(gif)
print(g.op.type, g.shape, sess.run(g).tolist())
print(sess.run(tf.image.decode_image(gif)).shape,
      sess.run(tf.image.decode_image(gif, expand_animations=False)).shape)
show_error(sess.run, tf.image.decode_png(b"garbage"))
show_error(sess.run, tf.image.decode_image(b"garbage"))
