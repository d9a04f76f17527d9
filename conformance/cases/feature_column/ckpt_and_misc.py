# embedding_column warm-started from a checkpoint; crossed hash_key; int vocabulary files;
# dense string crossing keeps '' values; weighted columns with dtype checks.
import os
import tempfile

fc = tf.feature_column
d = tempfile.mkdtemp()
with tf.Graph().as_default():
    src = tf.get_variable("src/emb", initializer=np.arange(8, dtype=np.float32).reshape(4, 2))
    saver = tf.train.Saver([src])
    with tf.Session() as s:
        s.run(tf.global_variables_initializer())
        path = saver.save(s, os.path.join(d, "model.ckpt"))
with tf.Graph().as_default():
    i = fc.categorical_column_with_identity("i", 4)
    col = fc.embedding_column(i, 2, ckpt_to_load_from=path, tensor_name_in_ckpt="src/emb")
    out = fc.input_layer({"i": [[1, 3], [0, -1]]}, [col])
    with tf.Session() as s:
        s.run(tf.global_variables_initializer())
        print(s.run(out))
vpath = os.path.join(d, "ints.txt")
with open(vpath, "w") as f:
    f.write("10\n20\n30\n")
with tf.Graph().as_default():
    vi = fc.categorical_column_with_vocabulary_file("n", vpath, dtype=tf.int64, num_oov_buckets=2)
    print(vi.num_buckets if hasattr(vi, "num_buckets") else None, vi.dtype)
    c1 = fc.crossed_column(["s", "t"], 13, hash_key=123)
    c2 = fc.crossed_column(["s", "t"], 13)
    w = fc.weighted_categorical_column(fc.categorical_column_with_identity("i", 3), "wi",
                                       dtype=tf.int32)
    feats = {"n": [[20, 99], [30, -1]], "s": [["a", ""], ["b", "c"]], "t": [["x"], [""]],
             "i": [[0, 2], [1, 1]], "wi": [[2, 3], [1, 0]]}
    out = [fc.input_layer(feats, [fc.indicator_column(vi), fc.indicator_column(c1)]),
           fc.input_layer(feats, [fc.indicator_column(c2)])]
    bad = {"i": [[0]], "wi": [[1.0]]}
    show_error(fc.input_layer, bad, [fc.indicator_column(w)])
    with tf.Session() as s:
        s.run(tf.tables_initializer())
        print(s.run(out))
