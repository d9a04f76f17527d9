# categorical_column_with_vocabulary_file (+ sequence variant) with a temp vocabulary file.
import os
import tempfile

fc = tf.feature_column
d = tempfile.mkdtemp()
path = os.path.join(d, "vocab.txt")
with open(path, "w") as f:
    f.write("apple\nbanana\ncherry\n")
c1 = fc.categorical_column_with_vocabulary_file("f", path)
c2 = fc.categorical_column_with_vocabulary_file("g", path, vocabulary_size=2, num_oov_buckets=2)
c3 = fc.categorical_column_with_vocabulary_file("k", path, default_value=7)
s1 = fc.sequence_categorical_column_with_vocabulary_file("s", path)
for col in [c1, c2, c3, s1]:
    print(repr(col).replace(d, "DIR"))
    print(col.name)
feats = {"f": [["banana", "zzz"], ["cherry", ""]], "g": [["cherry"], ["apple"]],
         "k": [["x"], ["apple"]]}
out = fc.input_layer(feats, [fc.indicator_column(c) for c in (c1, c2)] + [fc.indicator_column(c3)])
with tf.Session() as s:
    s.run(tf.tables_initializer())
    print(s.run(out))
show_error(fc.categorical_column_with_vocabulary_file, "x", "")
show_error(fc.categorical_column_with_vocabulary_file, "x", path, vocabulary_size=0)
show_error(fc.categorical_column_with_vocabulary_file, "x", path, num_oov_buckets=1,
           default_value=1)
