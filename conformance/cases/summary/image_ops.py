# tf.summary.image: tags, sizes, colorspace, and the decoded PNG pixels for each input kind.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import struct
import zlib


def decode_png(data):
    """PNG bytes -> (height, width, channels, rows of ints), any filter type."""
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, color = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    ch = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    raw, stride, rows, prev = zlib.decompress(idat), w * ch, [], [0] * (w * ch)
    for y in range(h):
        f, line = raw[y * (stride + 1)], list(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b, c = prev[i], (prev[i - ch] if i >= ch else 0)
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    return h, w, ch, rows


rng = np.random.RandomState(0)
images = [
    ('u8rgb', rng.randint(0, 256, size=(2, 5, 7, 3)).astype(np.uint8), 3),
    ('u8gray', rng.randint(0, 256, size=(1, 4, 3, 1)).astype(np.uint8), 1),
    ('f01', rng.uniform(0, 1, size=(1, 3, 4, 3)).astype(np.float32), 3),
    ('fneg', rng.uniform(-2, 3, size=(1, 3, 4, 4)).astype(np.float32), 3),
    ('fbig', rng.uniform(0, 30, size=(4, 2, 2, 1)).astype(np.float32), 2),
    ('f64', rng.uniform(-1, 1, size=(1, 2, 3, 3)), 3),
    ('half', rng.uniform(0, 2, size=(1, 2, 2, 3)).astype(np.float16), 3),
    ('zero', np.zeros((1, 2, 2, 1), np.float32), 3),
    ('tiny', np.full((1, 2, 2, 1), 1e-7, np.float32), 3),
    ('nonfinite', np.array([[[[0.5, 1.0, np.nan], [1.0, 0.25, 0.5]],
                             [[np.inf, 0, 0], [2.0, 1.0, 0.0]]]], np.float32), 1),
    ('rgba', rng.randint(0, 256, size=(1, 2, 3, 4)).astype(np.uint8), 1),
]
ops = [tf.summary.image(name, tf.constant(v), max_outputs=m) for name, v, m in images]
print([t.name for t in ops])
with tf.Session() as sess:
    outs = sess.run(ops)
for out in outs:
    s = tf.Summary.FromString(out)
    for v in s.value:
        im = v.image
        h, w, ch, rows = decode_png(im.encoded_image_string)
        print(v.tag, im.height, im.width, im.colorspace, (h, w, ch), rows)
bad = tf.placeholder(tf.float32)
op = tf.summary.image('bad', bad)
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(op, {bad: np.zeros((2, 2, 3))}),
                        'Tensor must be 4-D with last dim 1, 3, or 4, not [2,2,3]')
    show_error_contains(lambda: sess.run(op, {bad: np.zeros((1, 2, 2, 2))}),
                        'Tensor must be 4-D with last dim 1, 3, or 4, not [1,2,2,2]')
    show_error(sess.run, op, {bad: np.zeros((0, 2, 2, 3))})
    print(sess.run(op, {bad: np.full((1, 2, 2, 3), np.nan)}))
show_error(tf.summary.image, 'i32', tf.zeros([1, 2, 2, 3], tf.int32))
