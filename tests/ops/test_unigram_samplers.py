"""Fixed and learned unigram candidate samplers against streams recorded from TensorFlow 2.21,
plus the distribution they sample from (many draws)."""

import numpy as np
import pytest

import tfcompat as tf

UNIGRAMS = [3.0, 1, 4, 1, 5, 9, 2, 6]


def _true_classes():
    return tf.constant([[1, 2], [0, 5], [7, 7]], tf.int64)


def test_fixed_unigram_stream_matches_tf():
    sampler = tf.nn.fixed_unigram_candidate_sampler(_true_classes(), 2, 5, True, 8,
                                                    unigrams=UNIGRAMS, seed=7)
    assert type(sampler).__name__ == "FixedUnigramCandidateSampler"
    assert sampler.sampled_candidates.op.type == "FixedUnigramCandidateSampler"
    with tf.Session() as sess:
        first, second = sess.run(sampler), sess.run(sampler)
    assert first[0].tolist() == [7, 6, 3, 5, 4] and second[0].tolist() == [4, 7, 5, 2, 0]
    np.testing.assert_allclose(first[1], [[0.205092, 0.619798], [0.509573, 0.909338],
                                          [0.778156, 0.778156]], rtol=1e-5)
    np.testing.assert_allclose(first[2], [0.778156, 0.373019, 0.205092, 0.909338, 0.708068],
                               rtol=1e-5)


def test_fixed_unigram_options_match_tf():
    tc = _true_classes()
    fetches = [
        tf.nn.fixed_unigram_candidate_sampler(tc, 2, 6, False, 8, unigrams=UNIGRAMS, seed=3),
        tf.nn.fixed_unigram_candidate_sampler(tc, 2, 4, True, 10, unigrams=UNIGRAMS,
                                              num_reserved_ids=2, distortion=0.5, seed=11),
    ]
    with tf.Session() as sess:
        plain, reserved = sess.run(fetches)
    assert plain[0].tolist() == [5, 4, 4, 0, 5, 0]
    np.testing.assert_allclose(plain[2], [1.741936, 0.967742, 0.967742, 0.580645, 1.741936,
                                          0.580645], rtol=1e-5)
    assert reserved[0].tolist() == [2, 9, 3, 7]
    assert reserved[1][0, 0] == 0.0  # reserved ids have probability 0


def test_learned_unigram_learns_true_classes_across_runs():
    sampler = tf.nn.learned_unigram_candidate_sampler(_true_classes(), 2, 6, False, 10, seed=2)
    with tf.Session() as sess:
        runs = [sess.run(sampler) for _ in range(3)]
    assert [r[0].tolist() for r in runs] == [[1, 6, 6, 7, 9, 5], [5, 5, 3, 7, 8, 0],
                                            [7, 5, 1, 0, 2, 7]]
    # Class 7 appears twice per run: weight 1, then 3, then 5 out of 10, 16, 22.
    np.testing.assert_allclose([r[1][2, 0] for r in runs], [0.6, 1.125, 30 / 22], rtol=1e-6)


def test_fixed_unigram_samples_follow_the_weights():
    sampler = tf.nn.fixed_unigram_candidate_sampler(_true_classes(), 2, 4000, False, 8,
                                                    unigrams=UNIGRAMS, seed=1)
    with tf.Session() as sess:
        sampled = sess.run(sampler)[0]
    frequency = np.bincount(sampled, minlength=8) / sampled.size
    np.testing.assert_allclose(frequency, np.array(UNIGRAMS) / sum(UNIGRAMS), atol=0.02)


@pytest.mark.parametrize("kwargs, message", [
    ({"range_max": 7}, "range is 7 must be equal to weights size  8"),
    ({"num_sampled": 9}, "Sampler's range is too small."),
    ({"num_true": 3}, "true_classes must have num_true columns, expected: 2 was: 3"),
    ({"unigrams": ()}, "Must provide either vocab_file or unigrams."),
    ({"num_shards": 2}, "range is 8 must be equal to weights size  4"),
])
def test_fixed_unigram_errors(kwargs, message):
    args = {"num_true": 2, "num_sampled": 3, "unique": True, "range_max": 8,
            "unigrams": UNIGRAMS, "seed": 5}
    args.update(kwargs)
    sampler = tf.nn.fixed_unigram_candidate_sampler(_true_classes(), **args)
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError) as info:
        sess.run(sampler)
    assert message in info.value.message


def test_random_aliases_and_static_shapes():
    assert tf.random.fixed_unigram_candidate_sampler is tf.nn.fixed_unigram_candidate_sampler
    assert tf.random.learned_unigram_candidate_sampler is tf.nn.learned_unigram_candidate_sampler
    outputs = tf.nn.learned_unigram_candidate_sampler(tf.placeholder(tf.int64, [None, 2]), 2, 3,
                                                      True, 8)
    assert [t.shape.as_list() for t in outputs] == [[3], [None, 2], [3]]


def test_thirty_random_configurations_match_tf():
    """Random unigrams, distortions, reserved ids, shards, uniqueness and seeds; two runs of
    the fixed sampler and three of the learned one each, recorded from TF."""
    import json
    from pathlib import Path

    recorded = json.loads((Path(__file__).parent / "data" /
                           "unigram_samplers_tf.json").read_text())
    rng = np.random.RandomState(42)
    for expected in recorded:
        tf.reset_default_graph()
        rng.randint(3, 60)
        reserved, shards = int(rng.randint(0, 3)), int(rng.choice([1, 1, 2, 3]))
        shard, total = int(rng.randint(0, shards)), int(rng.randint(5, 80))
        unigrams = (rng.rand(total) * 10 + 0.1).round(3).tolist()
        kept = len([j for j in range(reserved) if j % shards == shard])
        range_max = kept + len([i for i in range(total) if (kept + i) % shards == shard])
        num_sampled = int(rng.randint(1, max(2, range_max)))
        unique, distortion = bool(rng.randint(2)), float(rng.choice([1.0, 0.75, 0.5, 1.3]))
        true_classes = tf.constant(rng.randint(0, range_max, size=(3, 2)).astype(np.int64))
        seed = int(rng.randint(1, 1000))
        fixed = tf.nn.fixed_unigram_candidate_sampler(
            true_classes, 2, num_sampled, unique, range_max, unigrams=unigrams,
            distortion=distortion, num_reserved_ids=reserved, num_shards=shards, shard=shard,
            seed=seed)
        learned = tf.nn.learned_unigram_candidate_sampler(true_classes, 2, num_sampled, unique,
                                                          range_max, seed=seed)
        with tf.Session() as sess:
            runs = [sess.run(fixed) for _ in range(2)] + [sess.run(learned) for _ in range(3)]
        for got, want in zip(runs, expected):
            assert got[0].tolist() == want[0]
            np.testing.assert_allclose(got[1], want[1], rtol=1e-5)
            np.testing.assert_allclose(got[2], want[2], rtol=1e-5)
