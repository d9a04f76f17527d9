# fixed/learned unigram candidate samplers: TF's seeded streams, expected counts, learning
# across runs, reserved ids, distortion, shards, vocab files, errors, tf.random aliases.
import os
import tempfile

tc = tf.constant([[1, 2], [0, 5], [7, 7]], tf.int64)
u = [3.0, 1, 4, 1, 5, 9, 2, 6]
f = tf.nn.fixed_unigram_candidate_sampler(tc, 2, 5, True, 8, unigrams=u, seed=7)
print(f)
print(sorted((k, f[0].op.get_attr(k)) for k in ["seed", "seed2", "range_max", "distortion",
                                                 "num_reserved_ids", "num_shards", "shard"]))
learned = tf.nn.learned_unigram_candidate_sampler(tc, 2, 4, True, 10, seed=9)
print(learned, learned[0].op.type)
print(tf.random.fixed_unigram_candidate_sampler is tf.nn.fixed_unigram_candidate_sampler,
      tf.random.learned_unigram_candidate_sampler is tf.nn.learned_unigram_candidate_sampler)
ph = tf.placeholder(tf.int64, [None, 2])
print([t.shape for t in tf.nn.fixed_unigram_candidate_sampler(ph, 2, 3, True, 8, unigrams=u)])
vocab = os.path.join(tempfile.mkdtemp(), "vocab.csv")
with open(vocab, "w") as fh:
    fh.write("".join(f"w{i},{c}\n" for i, c in enumerate([2, 7, 1, 8, 2, 8])))


def show(values):
    for v in values:
        print(np.array2string(np.asarray(v), precision=5))


def run_all(sess, fetches):
    for fetch in fetches:
        show(sess.run(fetch))


ok = [
    f, f,
    tf.nn.fixed_unigram_candidate_sampler(tc, 2, 6, False, 8, unigrams=u, seed=3),
    tf.nn.fixed_unigram_candidate_sampler(tc, 2, 4, True, 10, unigrams=u, num_reserved_ids=2,
                                          distortion=0.5, seed=11),
    tf.nn.fixed_unigram_candidate_sampler(tc[:2] % 4, 2, 2, True, 4, unigrams=u, num_shards=2,
                                          shard=1, seed=5),
    tf.nn.fixed_unigram_candidate_sampler(tc, 2, 40, False, 100,
                                          unigrams=list(np.arange(1, 101) * 1.0), seed=1),
    tf.nn.fixed_unigram_candidate_sampler(tc[:2], 2, 3, True, 6, vocab_file=vocab, seed=2),
    tf.nn.fixed_unigram_candidate_sampler(tc % 4, 2, 3, False, 4, unigrams=u, num_reserved_ids=2,
                                          num_shards=3, shard=1, seed=5),
    learned, learned, learned,
    tf.nn.learned_unigram_candidate_sampler(tc, 2, 6, False, 10, seed=2),
]
with tf.Session() as sess:
    run_all(sess, ok)
errors = [
    (tf.nn.fixed_unigram_candidate_sampler(tc, 2, 3, True, 8, unigrams=u, num_shards=2,
                                           shard=0, seed=5),
     "range is 8 must be equal to weights size  4"),
    (tf.nn.fixed_unigram_candidate_sampler(tc, 2, 3, True, 7, unigrams=u, seed=5),
     "range is 7 must be equal to weights size  8"),
    (tf.nn.fixed_unigram_candidate_sampler(tc, 2, 9, True, 8, unigrams=u, seed=5),
     "Sampler's range is too small."),
    (tf.nn.fixed_unigram_candidate_sampler(tc, 3, 3, True, 8, unigrams=u, seed=5),
     "true_classes must have num_true columns, expected: 2 was: 3"),
    (tf.nn.fixed_unigram_candidate_sampler(tc, 2, 3, True, 8, seed=5),
     "Must provide either vocab_file or unigrams."),
    (tf.nn.fixed_unigram_candidate_sampler(tc, 2, 3, True, 6, vocab_file=vocab, seed=2),
     "`true_candidate` out of range [0, 6), received 7"),
    (tf.nn.learned_unigram_candidate_sampler(tc, 2, 20, True, 10, seed=2),
     "Sampler's range is too small."),
    (tf.nn.learned_unigram_candidate_sampler(tc + 5, 2, 3, True, 10, seed=2),
     "`true_candidate` out of range [0, 10), received 10"),
]
for fetch, needle in errors:
    with tf.Session() as sess:
        show_error_contains(lambda fetch=fetch: sess.run(fetch), needle)
tf.set_random_seed(4)
with tf.Session() as sess:
    run_all(sess, [tf.random.fixed_unigram_candidate_sampler(tc, 2, 3, True, 8, unigrams=u),
                   tf.random.learned_unigram_candidate_sampler(tc, 2, 3, True, 8)])
