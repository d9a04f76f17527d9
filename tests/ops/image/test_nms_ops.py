"""Non-max suppression against a brute-force greedy definition, plus the raw V4/V5 padding."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.ops import apply_op


def run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def greedy_reference(boxes, scores, max_output, threshold):
    """Pick the best remaining box, drop every box overlapping it by IoU >= threshold."""
    def iou(a, b):
        ya, yb = sorted(a[::2]), sorted(b[::2])
        xa, xb = sorted(a[1::2]), sorted(b[1::2])
        area_a = (ya[1] - ya[0]) * (xa[1] - xa[0])
        area_b = (yb[1] - yb[0]) * (xb[1] - xb[0])
        if area_a <= 0 or area_b <= 0:
            return 0.0
        inter = max(min(ya[1], yb[1]) - max(ya[0], yb[0]), 0) * max(
            min(xa[1], xb[1]) - max(xa[0], xb[0]), 0)
        return inter / (area_a + area_b - inter)

    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    kept = []
    for i in order:
        if len(kept) == max_output:
            break
        if all(iou(boxes[i], boxes[k]) < threshold for k in kept):
            kept.append(i)
    return kept


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 12), max_output=st.integers(0, 12), threshold=st.floats(0.05, 0.95),
       seed=st.integers(0, 999))
def test_matches_greedy_definition(n, max_output, threshold, seed):
    rng = np.random.RandomState(seed)
    corners = rng.uniform(0, 1, (n, 4)).astype(np.float64)
    scores = rng.permutation(n).astype(np.float32) / max(n, 1)
    with tf.Graph().as_default():
        got = run(tf.image.non_max_suppression(corners.astype(np.float32), scores, max_output,
                                               iou_threshold=threshold))
    expected = greedy_reference(corners.astype(np.float32).astype(np.float64), scores,
                                max_output, np.float32(threshold))
    assert got.tolist() == expected


def test_v4_and_v5_pad_to_max_output_size():
    boxes = np.array([[0, 0, 1, 1], [0, 0, 1, 1.1], [2, 2, 3, 3]], np.float32)
    scores = np.array([0.9, 0.8, 0.7], np.float32)
    idx, valid = apply_op("NonMaxSuppressionV4", [boxes, scores, 5, 0.5, 0.0],
                          attrs={"pad_to_max_output_size": True})
    idx5, sc5, valid5 = apply_op("NonMaxSuppressionV5", [boxes, scores, 4, 0.5, 0.0, 0.0],
                                 attrs={"pad_to_max_output_size": True})
    assert idx.shape.as_list() == [5] and sc5.shape.as_list() == [4]
    got = run([idx, valid, idx5, sc5, valid5])
    assert got[0].tolist() == [0, 2, 0, 0, 0] and got[1] == 2
    assert got[2].tolist() == [0, 2, 0, 0] and got[3].tolist() == [np.float32(0.9),
                                                                   np.float32(0.7), 0, 0]
    assert got[4] == 2


def test_soft_nms_decays_scores_instead_of_dropping():
    boxes = np.array([[0, 0, 1, 1], [0, 0, 1, 0.8], [5, 5, 6, 6]], np.float32)
    scores = np.array([0.9, 0.85, 0.3], np.float32)
    idx, sc = tf.image.non_max_suppression_with_scores(boxes, scores, 3, iou_threshold=1.0,
                                                       soft_nms_sigma=0.5)
    got_idx, got_sc = run([idx, sc])
    assert got_idx.tolist() == [0, 1, 2]  # 0.85 decays to 0.45, still above box 2's 0.3
    np.testing.assert_allclose(got_sc, [0.9, 0.85 * np.exp(-0.5 * 0.8 ** 2 / 0.5), 0.3],
                               rtol=1e-6)


def test_padded_matches_plain_nms_and_pads():
    rng = np.random.RandomState(3)
    corners = rng.uniform(0, 1, (2, 9, 4)).astype(np.float32)
    scores = rng.uniform(0, 1, (2, 9)).astype(np.float32)
    idx, valid = tf.image.non_max_suppression_padded(corners, scores, 7, 0.4,
                                                     pad_to_max_output_size=True)
    plain = [tf.image.non_max_suppression(corners[b], scores[b], 7, 0.4) for b in range(2)]
    got_idx, got_valid, *got_plain = run([idx, valid, *plain])
    assert idx.shape.as_list() == [2, 7] and valid.shape.as_list() == [2]
    for b in range(2):
        n = len(got_plain[b])
        assert got_valid[b] == n
        assert got_idx[b].tolist() == got_plain[b].tolist() + [0] * (7 - n)
