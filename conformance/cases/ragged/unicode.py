# tf.strings unicode_decode / unicode_split (+ offsets), unicode_script, bytes_split.
sess = tf.Session()
words = ["héllo", "ab", "", "日本語"]
for fn in [tf.strings.unicode_decode, tf.strings.unicode_split]:
    r = fn(words, "UTF-8")
    print(r)
    print(sess.run(r))
for fn in [tf.strings.unicode_decode_with_offsets, tf.strings.unicode_split_with_offsets]:
    r = fn(words, "UTF-8")
    print(r)
    print(sess.run(r))
scalar = tf.strings.unicode_decode("héllo", "UTF-8")
print(scalar, sess.run(scalar))
r = tf.strings.unicode_decode([["a"], ["bé"]], "UTF-8")
print(r.shape, r.ragged_rank, sess.run(r))
r = tf.strings.unicode_split([["a", "cd"], ["bé", ""]], "UTF-8")
print(r.shape, sess.run(r))
bad = [b"a\xffb", b"\xe6\x97", b"ok\x01"]
for mode in ["replace", "ignore"]:
    print(mode, sess.run(tf.strings.unicode_decode(bad, "UTF-8", errors=mode)))
print(sess.run(tf.strings.unicode_decode_with_offsets(bad, "UTF-8", replacement_char=63)))
print(sess.run(tf.strings.unicode_decode(bad, "UTF-8", replace_control_characters=True)))
show_error(lambda: sess.run(tf.strings.unicode_decode(bad, "UTF-8", errors="strict")))
utf16 = ["hé".encode("utf-16-be"), "z".encode("utf-16-be")]
print(sess.run(tf.strings.unicode_decode_with_offsets(utf16, "UTF-16-BE")))
print(sess.run(tf.strings.unicode_split(utf16, "UTF-16-BE")))
print(sess.run(tf.strings.unicode_decode(["Aé"], "ISO-8859-1")))
codepoints = [72, 1041, 0x4e00, 32, 0x3042, 0x30A2, 0xAC00, 0x0627, 0x05D0, 0x0915, 0x0E01,
              0x0370, 0x0300, 48, 0x10000, 0x1F600, 0x10FFFF, 0x110000, -1, 0x0E80, 0x0531,
              0x10A0, 0x0F00, 0x1200, 0x0B80, 0x0C00]
s = tf.strings.unicode_script(codepoints)
print(s, sess.run(s))
print(sess.run(tf.strings.unicode_script([[65, 66], [0x0416, 0x4e01]])))
for x in [["hé", "ab", ""], "hé", [["a", "bc"], ["", "d"]]]:
    r = tf.strings.bytes_split(x)
    print(r)
    print(sess.run(r))
