# tf.string_split (TF1) with result_type="RaggedTensor".
sess = tf.Session()
for f in [lambda: tf.string_split(["a b", "c"], result_type="RaggedTensor"),
          lambda: tf.string_split(["a,b,,c"], delimiter=",", skip_empty=False,
                                  result_type="RaggedTensor"),
          lambda: tf.string_split(["a b"], result_type="RaggedTensor", sep="b"),
          lambda: tf.string_split(["xy", ""], sep="", result_type="RaggedTensor")]:
    r = f()
    print(r)
    print(' ', sess.run(r))
show_error(lambda: tf.string_split("a b", result_type="RaggedTensor"))
show_error(lambda: tf.string_split([["a b"]], result_type="RaggedTensor"))
show_error(lambda: tf.string_split(["a b"], result_type="X"))
