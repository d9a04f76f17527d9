"""CTC loss and decoders against values recorded from TensorFlow 2.21 (tf.compat.v1), plus
numerical gradient checks and brute-force path enumeration."""

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

X = np.random.RandomState(0).randn(5, 2, 4).astype(np.float32)


def _labels():
    return tf.SparseTensor(np.array([[0, 0], [0, 1], [1, 0]], np.int64),
                           np.array([1, 1, 2], np.int32), np.array([2, 2], np.int64))


def _run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def test_ctc_loss_values_and_gradient_match_tf():
    inputs = tf.constant(X)
    loss = tf.nn.ctc_loss(_labels(), inputs, [5, 4])
    grad = tf.gradients(loss, inputs)[0]
    assert loss.op.type == "CTCLoss" and loss.op.name == "CTCLoss"
    assert grad.op.name == "gradients/CTCLoss_grad/mul"
    loss_value, grad_value = _run([loss, grad])
    np.testing.assert_allclose(loss_value, [7.560427, 4.321776], rtol=1e-5)
    np.testing.assert_allclose(grad_value[0], [[0.30096766, -0.44750717, 0.13723414, 0.00930536],
                                               [0.6287442, 0.03655759, -0.3846471, -0.28065446]],
                               rtol=1e-4, atol=1e-6)
    assert not grad_value[4, 1].any()  # past the sequence length


@pytest.mark.parametrize("kwargs, expected", [
    ({"ctc_merge_repeated": False}, [6.8114886, 6.0785785]),
    ({"preprocess_collapse_repeated": True}, [6.0087976, 4.321776]),
])
def test_ctc_loss_options_match_tf(kwargs, expected):
    np.testing.assert_allclose(_run(tf.nn.ctc_loss(_labels(), tf.constant(X), [5, 4], **kwargs)),
                               expected, rtol=1e-5)


def test_ctc_loss_batch_major_and_v2_blank_index_match_tf():
    batch_major = tf.nn.ctc_loss(_labels(), tf.constant(X.transpose(1, 0, 2)), [5, 4],
                                 time_major=False)
    dense = tf.constant([[1, 1], [2, 0]])
    v2_dense = tf.nn.ctc_loss_v2(dense, tf.constant(X), [2, 1], [5, 4])
    v2_dense_last = tf.nn.ctc_loss_v2(dense, tf.constant(X), [2, 1], [5, 4], blank_index=3)
    v2_sparse = tf.nn.ctc_loss_v2(_labels(), tf.constant(X), None, [5, 4], blank_index=0)
    values = _run([batch_major, v2_dense, v2_dense_last, v2_sparse])
    np.testing.assert_allclose(values[0], [7.560427, 4.321776], rtol=1e-5)
    np.testing.assert_allclose(values[1], [5.697209, 2.2157478], rtol=1e-5)
    np.testing.assert_allclose(values[2], [7.560427, 4.321776], rtol=1e-5)
    np.testing.assert_allclose(values[3], [5.697209, 2.2157478], rtol=1e-5)
    with pytest.raises(ValueError, match="blank_index"):
        tf.nn.ctc_loss_v2(_labels(), tf.constant(X), None, [5, 4])


def _brute_force_loss(logits, labels):
    """-log of the summed probability of every frame path collapsing to ``labels``."""
    steps, classes = logits.shape
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    total = 0.0
    for path in itertools.product(range(classes), repeat=steps):
        collapsed = [c for i, c in enumerate(path) if i == 0 or c != path[i - 1]]
        if [c for c in collapsed if c != classes - 1] == labels:
            total += np.prod(probs[np.arange(steps), path])
    return -np.log(total)


@pytest.mark.parametrize("labels", [[0], [1, 1], [0, 1], [2, 0, 2]])
def test_ctc_loss_equals_path_enumeration(labels):
    logits = np.random.RandomState(len(labels)).randn(5, 1, 4)
    sparse = tf.SparseTensor([[0, i] for i in range(len(labels))], np.int32(labels),
                             [1, len(labels)])
    loss = _run(tf.nn.ctc_loss(sparse, tf.constant(logits), [5]))
    np.testing.assert_allclose(loss, [_brute_force_loss(logits[:, 0], labels)], rtol=1e-10)


def test_ctc_loss_gradient_is_numerically_right_and_second_order_disabled():
    logits = tf.constant(np.random.RandomState(3).randn(4, 2, 3))
    sparse = tf.SparseTensor([[0, 0], [1, 0], [1, 1]], np.int32([1, 0, 1]), [2, 2])
    loss = tf.nn.ctc_loss(sparse, logits, [4, 3])
    with tf.Session():
        assert compute_gradient_error(logits, [4, 2, 3], loss, [2]) < 1e-6
    grad = tf.gradients(loss, logits)[0]
    with pytest.raises(LookupError, match="Gradient explicitly disabled. Reason: "):
        tf.gradients(grad, logits)


@pytest.mark.parametrize("kwargs, message", [
    ({"sequence_length": [1, 4]}, "Not enough time for target transition sequence (required: "
                                  "2, available: 1)0You can turn this error"),
    ({"sequence_length": [6, 4]}, "sequence_length(0) <= 5"),
    ({"sequence_length": [5, -1]}, "seq_len(1) < 0"),
])
def test_ctc_loss_runtime_errors(kwargs, message):
    loss = tf.nn.ctc_loss(_labels(), tf.constant(X), **kwargs)
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        _run(loss)
    assert message in info.value.message


def test_ctc_loss_ignores_too_long_labels_when_asked():
    loss = tf.nn.ctc_loss(_labels(), tf.constant(X), [1, 4], ignore_longer_outputs_than_inputs=True)
    np.testing.assert_allclose(_run(loss), [0.0, 4.321776], rtol=1e-5)


def test_ctc_loss_static_shapes_and_shape_errors():
    assert tf.nn.ctc_loss(_labels(), tf.placeholder(tf.float32, [None, 2, 4]),
                          [5, 4]).shape.as_list() == [2]
    assert tf.nn.ctc_loss(_labels(), tf.placeholder(tf.float32),
                          tf.placeholder(tf.int32, [3])).shape.as_list() == [3]
    with pytest.raises(ValueError, match="Dimensions must be equal, but are 2 and 3"):
        tf.nn.ctc_loss(_labels(), tf.constant(X), [5, 4, 3])
    with pytest.raises(ValueError, match="Shape must be rank 3 but is rank 2"):
        tf.nn.ctc_loss(_labels(), tf.zeros([5, 2]), [5, 4])
    with pytest.raises(TypeError, match="Expected argument `labels` to be a SparseTensor"):
        tf.nn.ctc_loss([1, 2], tf.constant(X), [5, 4])


def test_greedy_decoder_matches_tf():
    inputs = tf.constant(X)
    (decoded,), log_prob = tf.nn.ctc_greedy_decoder(inputs, [5, 4])
    (unmerged,), _ = tf.nn.ctc_greedy_decoder(inputs, [5, 4], merge_repeated=False)
    (blank0,), _ = tf.nn.ctc_greedy_decoder(inputs, [5, 4], blank_index=0)
    assert decoded.indices.op.type == "CTCGreedyDecoder" and log_prob.shape.as_list() == [2, 1]
    d, lp, u, z = _run([decoded, log_prob, unmerged, blank0])
    assert d.values.tolist() == [0, 0, 2, 0] and d.dense_shape.tolist() == [2, 3]
    assert d.indices.tolist() == [[0, 0], [1, 0], [1, 1], [1, 2]]
    np.testing.assert_allclose(lp, [[-7.61535], [-5.025811]], rtol=1e-5)
    assert u.values.tolist() == [0, 0, 0, 0, 2, 0] and u.dense_shape.tolist() == [2, 4]
    assert z.values.tolist() == [3, 3, 2] and z.dense_shape.tolist() == [2, 2]


def test_decoders_runtime_errors():
    inputs = tf.constant(X)
    with pytest.raises(tf.errors.FailedPreconditionError, match=r"sequence_length\(0\) <= 5"):
        _run(tf.nn.ctc_greedy_decoder(inputs, [6, 4]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="inputs must not be empty"):
        _run(tf.nn.ctc_beam_search_decoder(tf.zeros([0, 2, 4]), [0, 0]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="more paths than the beam width"):
        _run(tf.nn.ctc_beam_search_decoder(inputs, [5, 4], beam_width=2, top_paths=3))
    with pytest.raises(ValueError, match="Attr 'top_paths' of 'CTCBeamSearchDecoder' Op passed 0"):
        tf.nn.ctc_beam_search_decoder(inputs, [5, 4], top_paths=0)


_BEAM_CASES = json.loads((Path(__file__).parent / "data" / "ctc_beam_search_tf.json").read_text())


def test_beam_search_matches_tf_on_recorded_cases():
    """60 random problems (beam widths 1..50, 1..3 paths, with and without merging) decoded by
    TF's CPU kernel: paths, log probabilities and 'Less leaves' errors agree."""
    logits = tf.placeholder(tf.float32, [None, None, None])
    lengths = tf.placeholder(tf.int32, [None])
    decoders = {}
    with tf.Session() as sess:
        for case in _BEAM_CASES:
            key = (case["bw"], case["tp"], case["mr"])
            if key not in decoders:
                decoders[key] = tf.nn.ctc_beam_search_decoder(
                    logits, lengths, beam_width=key[0], top_paths=key[1], merge_repeated=key[2])
            feed = {logits: np.array(case["x"], np.float32), lengths: case["sl"]}
            if case["err"]:
                with pytest.raises(tf.errors.InvalidArgumentError, match=case["err"]):
                    sess.run(decoders[key], feed)
                continue
            decoded, log_prob = sess.run(decoders[key], feed)
            got = [[d.indices.tolist(), d.values.tolist(), d.dense_shape.tolist()]
                   for d in decoded]
            assert got == case["res"]
            np.testing.assert_allclose(log_prob, case["lp"], rtol=1e-5, atol=1e-5)


def test_beam_search_v2_does_not_merge_repeats():
    decoded, log_prob = tf.nn.ctc_beam_search_decoder_v2(tf.constant(X), [5, 4], beam_width=3,
                                                         top_paths=2)
    assert decoded[0].indices.op.get_attr("merge_repeated") is False
    d, lp = _run([decoded, log_prob])
    assert d[1].values.tolist() == [0, 0, 0, 2, 0]
    np.testing.assert_allclose(lp, [[-2.056244, -2.6588655], [-1.9905828, -2.186648]], rtol=1e-5)


def test_collapse_repeated_and_unique_labels_match_tf():
    collapsed, length = tf.nn.collapse_repeated(tf.constant([[1, 1, 2, 2, 3], [4, 4, 4, 0, 0]]),
                                                [5, 3])
    unique, index = tf.nn.ctc_unique_labels(tf.constant([[3, 4, 4, 3], [1, 1, 0, 0]]))
    short, short_length = tf.nn.collapse_repeated(tf.constant([[1, 1, 1], [2, 2, 3]]), [0, 2])
    c, n, u, i, s, sn = _run([collapsed, length, unique, index, short, short_length])
    assert c.tolist() == [[1, 2, 3], [4, 0, 0]] and n.tolist() == [3, 1]
    assert u.dtype == np.int64 and u.tolist() == [[3, 4, 0, 0], [1, 0, 0, 0]]
    assert i.dtype == np.int32 and i.tolist() == [[0, 1, 1, 0], [0, 0, 1, 1]]
    assert s.tolist() == [[0], [2]] and sn.tolist() == [0, 1]
