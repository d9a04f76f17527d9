# tf.summary.audio: tags, Summary.Audio fields and the WAV bytes.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
rng = np.random.RandomState(1)
clips = [
    ('mono', rng.uniform(-1, 1, size=(2, 8, 1)).astype(np.float32), 8000, 3),
    ('stereo', rng.uniform(-1.5, 1.5, size=(1, 5, 2)).astype(np.float32), 44100.5, 1),
    ('flat', np.array([[0.0, 0.5, -0.5, 1.0, -1.0, 0.999, -0.999, 2e-5, 0.5 / 32768,
                        1.5 / 32768, -0.5 / 32768, 2.5 / 32768, -1.5 / 32768, np.nan, np.inf,
                        -np.inf, 3.0, -3.0]], np.float32), 16000, 3),
    ('empty', np.zeros((1, 0), np.float32), 10, 1),
    ('many', rng.uniform(-1, 1, size=(5, 3)).astype(np.float32), 100, 2),
]
ops = [tf.summary.audio(name, tf.constant(v), rate, max_outputs=m) for name, v, rate, m in clips]
print([t.name for t in ops])
with tf.Session() as sess:
    for out in sess.run(ops):
        s = tf.Summary.FromString(out)
        for v in s.value:
            a = v.audio
            print(v.tag, a.sample_rate, a.num_channels, a.length_frames, a.content_type)
            print(a.encoded_audio_string)
        print(out == s.SerializeToString())
p = tf.placeholder(tf.float32)
rate = tf.placeholder(tf.float32)
op = tf.summary.audio('bad', p, rate)
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(op, {p: np.zeros(2), rate: 8.0}),
                        'Tensor must be 3-D or 2-D, got: [2]')
    show_error_contains(lambda: sess.run(op, {p: np.zeros((1, 2)), rate: [1.0, 2.0]}),
                        'sample_rate must be rank-0 or contain a single value')
    show_error_contains(lambda: sess.run(op, {p: np.zeros((1, 2)), rate: -5.0}),
                        'sample_rate must be > 0')
    print(sess.run(op, {p: np.zeros((1, 2)), rate: [7.0]}))
