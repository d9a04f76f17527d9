# tf.strings and the top-level string ops: op types, shapes and values.
sess = tf.Session()
s = tf.constant(["Hello World", "  tf compat  ", "ÄÖü", ""])


def show(label, t):
    if isinstance(t, tf.SparseTensor):
        print(label, "SP", t.indices.op.type, t.values.shape, sess.run(t))
    else:
        print(label, t.op.name, t.op.type, t.shape, t.dtype, sess.run(t))


show("join", tf.strings.join([s, "!"], separator="-"))
show("string_join", tf.string_join(["a", "b"]))
show("upper", tf.strings.upper(s))
show("lower", tf.strings.lower(s))
show("strip", tf.strings.strip(s))
show("string_strip", tf.string_strip(s))
show("length", tf.strings.length(s))
show("length_chars", tf.strings.length(s, unit="UTF8_CHAR"))
show_error(sess.run, tf.strings.substr(s, 1, 3))
s3 = s[:3]
show("substr", tf.strings.substr(s3, 1, 3))
show("substr_top", tf.substr(s3, [0, 1, 2], [2, 2, 1]))
show("substr_neg", tf.substr(s3, -3, 2))
show("substr_chars", tf.strings.substr(s3, 1, 2, unit="UTF8_CHAR"))
show("regex_replace", tf.strings.regex_replace(s, "[lo]+", "_"))
show("regex_replace_first", tf.regex_replace(s, "o", "0", replace_global=False))
show("regex_full_match", tf.strings.regex_full_match(s, ".*o.*"))
show("split", tf.strings.split(tf.constant(["a b  c", "d"])))
show("string_split", tf.string_split(["a,b,,c", "d"], delimiter=","))
show("string_split_skip", tf.string_split(["a,b,,c", "d"], delimiter=",", skip_empty=False))
show("to_number", tf.strings.to_number(["1.5", "-2", "3e2"]))
show("to_number_int", tf.strings.to_number(["12", "-7"], out_type=tf.int32))
show("string_to_number", tf.string_to_number(["4"]))
show_error(sess.run, tf.strings.to_number(["abc"]))
show("hash", tf.strings.to_hash_bucket(["hello", "", "a longer string with many bytes!"], 1000))
show("hash_fast", tf.strings.to_hash_bucket_fast(
    ["hello", "", "12345678", "123456789abcdefgh", "x" * 40, "y" * 100, "z" * 300], 100000))
show("hash_strong", tf.strings.to_hash_bucket_strong(["hello", "", "x" * 20], 1000, [1, 2]))
show("string_to_hash_bucket_fast", tf.string_to_hash_bucket_fast(["a"], 10))
show("as_string", tf.as_string([1.5, -2.25]))
show("as_string_int", tf.as_string([3, -40], width=5, fill="0"))
show("as_string_prec", tf.strings.as_string([3.14159], precision=2))
show("as_string_bool", tf.as_string([True, False]))
show("reduce_join", tf.reduce_join([["a", "b"], ["c", "d"]], axis=1, separator="+"))
show("reduce_join_all", tf.strings.reduce_join([["a", "b"], ["c", "d"]]))
show("format", tf.strings.format("x={} y={}", (tf.constant(3), tf.constant([1.5, 2.0]))))
show("unicode_transcode", tf.strings.unicode_transcode(["ab"], "UTF-8", "UTF-16-BE"))
show("unicode_encode", tf.strings.unicode_encode([72, 228, 0x1F600], "UTF-8"))
show("unicode_encode_2d", tf.strings.unicode_encode([[97, 98], [99, 100]], "UTF-16-BE"))
