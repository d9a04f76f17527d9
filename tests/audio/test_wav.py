"""WAV round trips: decoding what encode_wav wrote gives back the int16-quantized samples."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import tfcompat as tf


@settings(max_examples=25, deadline=None)
@given(hnp.arrays(np.float32, st.tuples(st.integers(0, 6), st.integers(1, 3)),
                  elements=st.floats(-1.25, 1.25, width=32, allow_subnormal=False)),
       st.integers(1, 96000))
def test_round_trip_quantizes_to_int16(audio, rate):
    with tf.Graph().as_default(), tf.Session() as sess:
        wav = tf.audio.encode_wav(audio, rate)
        decoded, got_rate = sess.run(tf.audio.decode_wav(wav))
    scaled = audio.astype(np.float64) * 32768
    half_away = np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)  # TF's rounding
    expected = np.clip(half_away, -32768, 32767) / 32768
    assert got_rate == rate
    assert decoded.shape == audio.shape
    np.testing.assert_array_equal(decoded, expected.astype(np.float32))


def test_channel_and_length_resizing():
    mono = np.array([[0.25], [-0.5], [0.75]], np.float32)
    with tf.Graph().as_default(), tf.Session() as sess:
        wav = tf.audio.encode_wav(mono, 100)
        audio = sess.run(tf.audio.decode_wav(wav, desired_channels=2, desired_samples=4).audio)
    np.testing.assert_array_equal(audio, [[0.25, 0.25], [-0.5, -0.5], [0.75, 0.75], [0, 0]])
