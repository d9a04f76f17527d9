# Vocabulary files: TextFileInitializer (whole line / line number / columns), StaticHashTable
# over it, StaticVocabularyTable with out-of-vocabulary buckets, MutableHashTable.
import os
import tempfile

tmp = tempfile.mkdtemp()
vocab = os.path.join(tmp, "vocab.txt")
with open(vocab, "w") as f:
    f.write("emerson\nlake\npalmer\n")
columns = os.path.join(tmp, "columns.tsv")
with open(columns, "w") as f:
    f.write("a\t10\tx\nb\t20\ty\n")
sess = tf.Session()
print(tf.lookup.TextFileIndex.WHOLE_LINE, tf.lookup.TextFileIndex.LINE_NUMBER)
init = tf.lookup.TextFileInitializer(vocab, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE,
                                     tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER)
print(init.key_dtype, init.value_dtype)
table = tf.lookup.StaticHashTable(init, -1)
ops_now = sorted((o.name, o.type) for o in tf.get_default_graph().get_operations())
print(ops_now)
words = tf.constant(["lake", "xyz", "emerson", "abc"])
ids = table.lookup(words)
vocab_table = tf.lookup.StaticVocabularyTable(
    tf.lookup.TextFileInitializer(vocab, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE,
                                  tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER),
    num_oov_buckets=2)
oov = vocab_table.lookup(words)
print(vocab_table.resource_handle.op.type, vocab_table.resource_handle.op.name, oov.op.type,
      oov.op.name, oov.dtype, oov.shape)
print(sorted((o.name, o.type) for o in tf.get_default_graph().get_operations()
             if (o.name, o.type) not in ops_now))
sess.run(tf.tables_initializer())
print(sess.run(ids), sess.run(oov), sess.run(vocab_table.size()))
inverse = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
    vocab, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER, tf.string,
    tf.lookup.TextFileIndex.WHOLE_LINE), "UNK")
cols = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
    columns, tf.string, 0, tf.int64, 1), -1)
third = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
    columns, tf.string, 2, tf.string, 0, delimiter="\t"), "?")
limited = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
    vocab, tf.string, -2, tf.int64, -1, vocab_size=2), -1)
sess.run(tf.tables_initializer())
print(sess.run(inverse.lookup(tf.constant([0, 2, 5], tf.int64))))
print(sess.run(cols.lookup(tf.constant(["b", "a", "c"]))))
print(sess.run(third.lookup(tf.constant(["y", "x"]))))
print(sess.run(limited.lookup(words)), sess.run(limited.size()))
small = tf.lookup.StaticVocabularyTable(tf.lookup.KeyValueTensorInitializer(
    ["a", "b"], [0, 1], value_dtype=tf.int64), 3)
ints = tf.lookup.StaticVocabularyTable(tf.lookup.KeyValueTensorInitializer(
    tf.constant([7, 9], tf.int64), tf.constant([0, 1], tf.int64)), 4)
sess.run(tf.tables_initializer())
print(sess.run(ints.lookup(tf.constant([9, 100, 7, -5], tf.int64))))
print(sess.run(small.lookup(tf.constant(["b", "c", "zz"]))))
missing = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
    os.path.join(tmp, "missing.txt"), tf.string, -2, tf.int64, -1), -1)
show_error_contains(lambda: sess.run(missing.initializer), "missing.txt")
show_error(tf.lookup.StaticVocabularyTable, init, 0)
m = tf.lookup.experimental.MutableHashTable(tf.string, tf.int64, -1)
print(m.resource_handle.op.type, m.resource_handle.op.name, m.name)
ins = m.insert(tf.constant(["p", "q"]), tf.constant([5, 6], tf.int64))
print(ins.type, ins.name)
sess.run(ins)
print(sess.run(m.lookup(tf.constant(["q", "r", "p"]))), sess.run(m.size()))
sess.run(m.remove(tf.constant(["p"])))
print(sess.run(m.lookup(tf.constant(["q", "p"]))), sess.run(m.size()))
k, v = sess.run(m.export())
print(k.tolist(), v.tolist())
vec = tf.lookup.experimental.MutableHashTable(tf.int64, tf.float32, [0., 0.])
sess.run(vec.insert(tf.constant([3], tf.int64), tf.constant([[1., 2.]])))
out = vec.lookup(tf.constant([3, 4], tf.int64))
print(out.shape, sess.run(out))
