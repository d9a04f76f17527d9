# tf.strings ops on RaggedTensors: reduce_join, unicode_encode, join, element-wise ops.
sess = tf.Session()
chars = tf.strings.unicode_split(["héllo", "ab", ""], "UTF-8")
cps = tf.strings.unicode_decode(["héllo", "ab", ""], "UTF-8")
nested = tf.strings.unicode_decode([["ab", "c"], ["", "dé"]], "UTF-8")
for label, f in [
        ("reduce_join1", lambda: tf.strings.reduce_join(chars, axis=1)),
        ("reduce_join_sep", lambda: tf.strings.reduce_join(chars, axis=1, separator="-")),
        ("reduce_join_all", lambda: tf.strings.reduce_join(chars)),
        ("reduce_join0", lambda: tf.strings.reduce_join(chars, axis=0)),
        ("reduce_join_neg", lambda: tf.strings.reduce_join(chars, axis=-1)),
        ("reduce_join_keep", lambda: tf.strings.reduce_join(chars, axis=1, keepdims=True)),
        ("encode", lambda: tf.strings.unicode_encode(cps, "UTF-8")),
        ("encode16", lambda: tf.strings.unicode_encode(cps, "UTF-16-BE")),
        ("encode_nested", lambda: tf.strings.unicode_encode(nested, "UTF-8")),
        ("length_chars", lambda: tf.strings.length(chars, unit="UTF8_CHAR")),
        ("join", lambda: tf.strings.join([chars, chars])),
        ("join_scalar", lambda: tf.strings.join([chars, "!"], separator="+")),
        ("regex", lambda: tf.strings.regex_replace(chars, "l", "L")),
        ("full_match", lambda: tf.strings.regex_full_match(chars, "[a-z]")),
        ("substr", lambda: tf.strings.substr(tf.strings.split(["abc de"],
                                                              result_type="RaggedTensor"), 0, 2)),
        ("hash", lambda: tf.strings.to_hash_bucket_fast(chars, 10)),
        ("strip", lambda: tf.strings.strip(tf.ragged.constant([[" a ", "b "], []]))),
        ("lower", lambda: tf.strings.lower(tf.ragged.constant([["AB"], ["C"]]))),
        ("as_string", lambda: tf.strings.as_string(tf.ragged.constant([[1.5], []]),
                                                   precision=2))]:
    r = f()
    print(label, r)
    print(' ', sess.run(r))
