# ctc_greedy_decoder and ctc_beam_search_decoder(_v2): sparse outputs, log probabilities,
# TF's beam pruning (small beams), merge_repeated, blank_index, shapes and errors.
rng = np.random.RandomState(0)
x = rng.randn(5, 2, 4).astype(np.float32)
inp = tf.constant(x)
d, lp = tf.nn.ctc_greedy_decoder(inp, [5, 4])
print(d, lp, d[0].indices.op.type, d[0].indices.op.get_attr("blank_index"))
b, blp = tf.nn.ctc_beam_search_decoder(inp, [5, 4], beam_width=3, top_paths=2)
print(b, blp, len(b[0].indices.op.outputs), b[0].indices.op.get_attr("beam_width"))
b2, blp2 = tf.nn.ctc_beam_search_decoder_v2(inp, [5, 4], beam_width=3, top_paths=2)
print(b2[0].indices.op.get_attr("merge_repeated"))
ph = tf.placeholder(tf.float32, [None, None, None])
lengths = tf.placeholder(tf.int32)
print(tf.nn.ctc_greedy_decoder(ph, lengths)[1].shape,
      tf.nn.ctc_beam_search_decoder(ph, lengths, top_paths=3)[1].shape)


def show(values):
    for v in values:
        if hasattr(v, "indices"):
            print(v.indices.tolist(), v.values.tolist(), v.dense_shape.tolist())
        else:
            print(np.array2string(np.asarray(v), precision=5))


big = rng.randn(8, 3, 5).astype(np.float32) * 2
with tf.Session() as sess:
    show(sess.run(d + [lp]))
    show(sess.run(tf.nn.ctc_greedy_decoder(inp, [5, 4], merge_repeated=False)[0]))
    show(sess.run(tf.nn.ctc_greedy_decoder(inp, [5, 4], blank_index=0)[0]))
    show(sess.run(tf.nn.ctc_greedy_decoder(inp, [0, -1])[0]))
    show(sess.run(b + [blp]))
    show(sess.run(b2 + [blp2]))
    for width, paths, merge in [(1, 1, True), (2, 2, False), (3, 3, True), (10, 3, False),
                                (100, 2, True)]:
        dec, logp = tf.nn.ctc_beam_search_decoder(tf.constant(big), [8, 6, 3], beam_width=width,
                                                  top_paths=paths, merge_repeated=merge)
        show(sess.run(dec + [logp]))
    show(sess.run(tf.nn.ctc_beam_search_decoder(tf.constant(x, tf.float64), [5, 4])[1:]))
    for build, needle in [
            (lambda: tf.nn.ctc_greedy_decoder(inp, [6, 4]), "sequence_length(0) <= 5"),
            (lambda: tf.nn.ctc_beam_search_decoder(inp, [6, 4]), "sequence_length(0) <= 5"),
            (lambda: tf.nn.ctc_greedy_decoder(tf.zeros([0, 2, 4]), [0, 0]),
             "inputs must not be empty"),
            (lambda: tf.nn.ctc_beam_search_decoder(tf.zeros([3, 0, 4]), tf.zeros([0], tf.int32)),
             "inputs must not be empty"),
            (lambda: tf.nn.ctc_beam_search_decoder(inp, [5, 4], top_paths=3, beam_width=2),
             "requested more paths than the beam width."),
            (lambda: tf.nn.ctc_beam_search_decoder(inp[:1, :, :2], [1, 1], beam_width=5,
                                                   top_paths=3),
             "Less leaves in the beam search than requested.")]:
        show_error_contains(lambda build=build: sess.run(build()), needle)
show_error_contains(lambda: tf.nn.ctc_greedy_decoder(inp, [5, 4, 4]),
                    "Dimensions must be equal, but are 2 and 3")
show_error_contains(lambda: tf.nn.ctc_greedy_decoder(inp, [[5, 4]]),
                    "Shape must be rank 1 but is rank 2")
show_error(tf.nn.ctc_beam_search_decoder, inp, [5, 4], top_paths=0)
