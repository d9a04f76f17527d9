"""Image codecs: PNG/BMP/GIF are bit-exact with TF (conformance/cases/codecs); JPEG goes
through Pillow, whose IDCT differs from the one TF uses by a few levels."""

import numpy as np
import pytest

import tfcompat as tf

# TF 2.21's decode_jpeg of the grayscale JPEG embedded in conformance/cases/codecs/jpeg.py.
TF_GRAY_PIXELS = [
    [0, 1, 7, 12, 16, 21, 27, 32], [43, 47, 53, 58, 62, 67, 73, 78],
    [75, 80, 86, 91, 95, 100, 106, 111], [121, 126, 132, 137, 141, 145, 152, 156],
    [158, 162, 168, 173, 177, 182, 188, 193], [200, 205, 211, 216, 220, 225, 231, 235]]


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _case_bytes(name):
    import pathlib
    source = (pathlib.Path(__file__).parents[2] / "conformance/cases/codecs/jpeg.py").read_text()
    namespace = {}
    exec(source.split("sess = tf.Session()")[0], namespace)  # noqa: S102 - our own case file
    return namespace[name]


def test_jpeg_pixels_close_to_tf():
    pytest.importorskip("PIL")
    with tf.Session() as sess:
        pixels = sess.run(tf.image.decode_jpeg(_case_bytes("GRAY")))[..., 0]
    assert np.abs(pixels.astype(int) - np.asarray(TF_GRAY_PIXELS)).max() <= 3


@pytest.mark.parametrize("channels", [1, 2, 3, 4])
@pytest.mark.parametrize("dtype", [np.uint8, np.uint16])
def test_png_round_trip(channels, dtype):
    rng = np.random.default_rng(channels)
    image = rng.integers(0, np.iinfo(dtype).max, size=(9, 11, channels), dtype=dtype)
    with tf.Session() as sess:
        out = sess.run(tf.image.decode_png(tf.image.encode_png(image), dtype=tf.as_dtype(dtype)))
    np.testing.assert_array_equal(out, image)


def test_bad_image_bytes():
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                             match="Unknown image file format"):
        sess.run(tf.image.decode_image(b"nope"))
