# tf.strings.ngrams (ragged and dense, padding, widths) and split(result_type="RaggedTensor").
sess = tf.Session()
data = tf.ragged.constant([["a", "b", "c"], ["d"], []])
for kw in [dict(ngram_width=2), dict(ngram_width=[1, 3]), dict(ngram_width=2, separator="-"),
           dict(ngram_width=2, pad_values="#"), dict(ngram_width=3, pad_values=("<", ">")),
           dict(ngram_width=3, pad_values=("<", ">"), padding_width=1),
           dict(ngram_width=3, preserve_short_sequences=True),
           dict(ngram_width=4, pad_values="_", padding_width=1, preserve_short_sequences=True),
           dict(ngram_width=1)]:
    r = tf.strings.ngrams(data, **kw)
    print(kw, r)
    print(' ', sess.run(r))
r = tf.strings.ngrams(tf.constant([["a", "b", "c"], ["d", "e", "f"]]), 2, separator="-")
print(r, sess.run(r))
r = tf.strings.ngrams(tf.constant(["a", "b", "c"]), 2)
print(r, sess.run(r))
nested = tf.ragged.constant([[["a", "b"], ["c"]], [["d", "e", "f"]]])
print(sess.run(tf.strings.ngrams(nested, 2)))
show_error(lambda: tf.strings.ngrams(data, 2, pad_values=["a", "b", "c"]))
show_error(lambda: tf.strings.ngrams(data, 2, padding_width=1))
for x in [["a b", "c", ""], "x  y", [["a b", "c d e"], ["", "f"]]]:
    r = tf.strings.split(x, result_type="RaggedTensor")
    print(r)
    print(sess.run(r))
print(sess.run(tf.strings.split(["a,b,,c", "d"], sep=",", result_type="RaggedTensor")))
print(sess.run(tf.strings.split(["a,b,,c", "d"], sep=",", maxsplit=1,
                                result_type="RaggedTensor")))
print(sess.run(tf.strings.split(["a b"])))
show_error(lambda: tf.strings.split(["a b"], result_type="Other"))
