# tf.audio.encode_wav / decode_wav: TF's exact bytes, int16 scaling and rounding, channel and
# sample resizing, static shapes, and the errors for malformed headers.
import struct

x = tf.constant(np.array([[0.0, 0.5], [-0.5, 1.0], [-1.0, 1.5], [0.25, -2.0], [1e-5, 0.9999]],
                         np.float32))
e = tf.audio.encode_wav(x, 16000)
d = tf.audio.decode_wav(e)
d2 = tf.audio.decode_wav(e, desired_channels=1, desired_samples=3)
d3 = tf.audio.decode_wav(e, desired_channels=3, desired_samples=7)
d4 = tf.audio.decode_wav(tf.placeholder(tf.string), desired_channels=2)
print(e, e.op.type)
for r in (d, d2, d3, d4):
    print(type(r).__name__, r._fields, r.audio, r.sample_rate, r.audio.op.type)
rounding = np.array([[1.5, -1.5, 0.5, 1.5, -0.5, -1.5, 2.5, np.nan]], np.float32).T
rounding[2:7] /= 32768
mono = tf.audio.encode_wav(tf.constant([[0.1], [0.2]]), 8000)
with tf.Session() as sess:
    wav = sess.run(e)
    print(wav.hex())
    for r in sess.run([d, d2, d3]):
        print(r.audio.tolist(), r.sample_rate)
    print(sess.run(mono).hex())
    print(sess.run(tf.audio.decode_wav(mono, desired_channels=2)).audio.tolist())
    print(sess.run(tf.audio.encode_wav(tf.zeros([0, 2]), 44100)).hex())
    print(sess.run(tf.audio.encode_wav(rounding, 10)).hex())
    print(sess.run(tf.audio.encode_wav([[0.0]], 2**31 - 1)).hex())
    print(sess.run(tf.audio.decode_wav(wav, desired_channels=0)).audio.shape)
    print(sess.run(tf.audio.decode_wav(wav, desired_samples=0)).audio.shape)

    def header(fmt=1, ch=2, sr=8000, bits=16, extra=b"", data=b"\0\0" * 4, post=b"",
               fmtsize=16, datasize=None, riffsize=None):
        f = struct.pack("<HHIIHH", fmt, ch, sr, sr * ch * bits // 8, ch * bits // 8, bits)
        size = len(data) if datasize is None else datasize
        body = (b"WAVE" + b"fmt " + struct.pack("<I", fmtsize) + f + extra + b"data" +
                struct.pack("<I", size) + data + post)
        return b"RIFF" + struct.pack("<I", len(body) if riffsize is None else riffsize) + body

    d8 = struct.pack("<4h", 1000, -2000, 3000, 4000)
    good = [header(data=d8, post=b"LIST" + struct.pack("<I", 2) + b"ab"),
            header(extra=b"LIST" + struct.pack("<I", 3) + b"abc"), header(data=d8, riffsize=5),
            header(data=d8, riffsize=1000), header(data=d8, extra=b"fmt " + struct.pack("<I", 0)),
            header(ch=3, data=d8[:6]), header(data=d8, fmtsize=18, extra=b"\0\0"),
            header(sr=0)]
    for wav_bytes in good:
        r = sess.run(tf.audio.decode_wav(wav_bytes))
        print(r.audio.tolist(), r.sample_rate)
    bad = [(b"", "Data too short"), (b"RIFF", "Data too short"), (wav[:40], "Data too short"),
           (b"RIFX" + wav[4:], "Expected RIFF but found RIFX"), (wav[:-3], "Data too short"),
           (header(fmt=3), "Expected 1 (PCM), but got3"), (header(bits=8), "but received 8"),
           (header(ch=0), "Expected at least 1, but got 0"),
           (header(extra=b"", fmtsize=14), "Expected 16 or 18, but got14"),
           (header(fmtsize=18), "Data too short"),
           (header(data=d8, post=b"data" + struct.pack("<I", 4) + d8[:4]),
            "More than one data chunk found in WAV"),
           (header(data=d8, post=b"xy"), "Data too short"),
           (header(ch=1, data=b"\1\2\3"), "Data too short"),
           (header(datasize=100), "Data too short"),
           (wav[:36] + b"junk" + wav[40:], "No data chunk found in WAV"),
           (header(data=d8, post=b"LIST" + struct.pack("<I", 0x90000000)),
            "is too large: 2415919104 bytes, but the limit is 2147483647"),
           (b"RIFF\0\0\0\0WAVX", "Expected WAVE but found WAVX")]
    for wav_bytes, needle in bad:
        show_error_contains(lambda b=wav_bytes: sess.run(tf.audio.decode_wav(b)), needle)
    for audio, rate, needle in [(np.zeros((0, 0), np.float32), 0, "got: 0"),
                                (np.zeros((0, 0), np.float32), 5, "num_channels must be in"),
                                (np.zeros((3, 0), np.float32), 5, "audio is null"),
                                ([[0.0]], -1, "got: 18446744073709551615")]:
        show_error_contains(
            lambda a=audio, r=rate: sess.run(tf.audio.encode_wav(a, r)), needle)
show_error(tf.audio.encode_wav, tf.constant([1.0, 2.0]), 100)
show_error(tf.audio.encode_wav, x, [1, 2])
show_error(tf.audio.decode_wav, tf.constant(["a", "b"]))
show_error(tf.audio.decode_wav, e, desired_channels=-2)
show_error(tf.audio.decode_wav, e, desired_samples=-3)
print(tf.audio.encode_wav(x, tf.placeholder(tf.int32)).shape)
v = tf.constant(np.ones((2, 1), np.float32))
print(tf.gradients(tf.strings.length(tf.audio.encode_wav(v, 10)), v))
