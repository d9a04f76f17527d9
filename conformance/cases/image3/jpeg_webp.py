# tf.image.decode_webp (bytes made by Pillow's libwebp, embedded) and the JPEG re-compression
# ops (tfcompat's Pillow round trip differs from TF's libjpeg by a few levels: compared coarsely).
# requires: PIL (pip install 'tfcompat[jpeg]')
RGB = bytes.fromhex(
    "5249464680000000574542505650384c740000002f04c0000060130060926f2bb40e96c17dfb8408fc7ca470"
    "cb40114a29896d2baaf23bfccf66d73c781c9241d3003409a8b116412a8a24a95170dfc30202109151808ce4"
    "02253948a278a2a1fff116f9a78b0060f0b8155073d1bc0efa656be55ffed38b4cdd259598f5f3e383672322"
    "8fe79c1d")
RGBA = bytes.fromhex(
    "52494646b4000000574542505650384ca80000002f04c000109fc0240080361d38f23f89a2001da84524d2e0"
    "50a80f5b0db6916d2b29e0bbfff0472e0590523e390d580b0ea336b66dc8becb7e648b65420da84451fad300"
    "0518336c23db5652c077ffe18f5c0a20a57c721ab0161c26bcf3ced96dc5539f268ae82fbcdfd18e023ec815"
    "d5df071f48217856731cdf78863ed4652e6b82c9ee67073ffbc9b9ced4476fe106286cdb480d1de3f347f43f"
    "f605cf907770fca53699aa01")
LOSSY = bytes.fromhex(
    "52494646500000005745425056503820440000003002009d012a05000400024038259802747f03d9101693e4"
    "a20000fdc179179fb3da39f9bc14b7cf49e80237990bd360b26f22b191bd16b07a07c7a9a9ab310ae0000000")

sess = tf.Session()
for data, channels in ((RGB, 0), (RGB, 3), (RGBA, 0), (RGBA, 4), (LOSSY, 0)):
    d = tf.image.decode_webp(data, channels=channels)
    v = sess.run(d)
    print(d.op.type, d.op.name, d.shape, d.dtype.name, v.shape, v.reshape(-1)[:12].tolist(),
          int(v.sum()))
show_error_contains(lambda: sess.run(tf.image.decode_webp(RGBA, channels=3)),
                    "Number of channels requested does not match input")
show_error(tf.image.decode_webp, RGB, dtype=tf.float32)
rng = np.random.RandomState(0)
img = (rng.rand(16, 16, 3) * 255).astype(np.uint8)
smooth = np.repeat(np.repeat(img[::4, ::4], 4, 0), 4, 1)
for q in (20, 60, 95):
    y = tf.image.adjust_jpeg_quality(smooth, q)
    v = sess.run(y)
    print(y.op.type, y.op.name, y.shape, y.dtype.name, v.shape, v.dtype,
          np.abs(v.astype(int) - smooth).mean() < 25)
f = tf.image.adjust_jpeg_quality(tf.constant(smooth.astype(np.float32) / 255), 75)
v = sess.run(f)
print(f.op.type, f.shape, f.dtype.name, v.shape, np.abs(v - smooth / 255).mean() < 0.1)
g = tf.image.adjust_jpeg_quality(smooth[..., :1], 50)
print(g.shape, sess.run(g).shape)
r = tf.image.random_jpeg_quality(smooth, 30, 90, seed=1)
print(r.shape, sess.run(r).shape,
      sorted({op.type for op in tf.get_default_graph().get_operations()}
             & {"RandomUniformInt", "EncodeJpegVariableQuality", "DecodeJpeg"}))
show_error(tf.image.random_jpeg_quality, smooth, 50, 40)
show_error(tf.image.random_jpeg_quality, smooth, -1, 40)
