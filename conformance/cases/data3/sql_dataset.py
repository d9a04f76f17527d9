# tf.data.experimental.SqlDataset over a SQLite file.
import os
import sqlite3
import tempfile

path = os.path.join(tempfile.mkdtemp(), "t.db")
connection = sqlite3.connect(path)
connection.execute("create table t (name text, age integer, score real, ok integer)")
connection.executemany("insert into t values (?, ?, ?, ?)", [
    ("ann", 30, 1.5, 1), ("bob", 41, -2.25, 0), ("cy", None, 3.0, 1)])
connection.commit()
connection.close()
E = tf.data.experimental
sess = tf.Session()


def drain(ds):
    nxt = tf.data.make_one_shot_iterator(ds).get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


ds = E.SqlDataset("sqlite", path, "SELECT name, age, score, ok FROM t",
                  (tf.string, tf.int32, tf.float64, tf.bool))
print(ds._variant_tensor.op.type, tf.data.get_output_types(ds), tf.data.get_output_shapes(ds),
      [i.op.name for i in ds._variant_tensor.op.inputs])
print(drain(ds))
print(drain(E.SqlDataset("sqlite", path, "SELECT age FROM t WHERE age > 35", tf.int64)))
print(drain(E.SqlDataset("sqlite", path, "SELECT name FROM t", tf.int32)))
print(drain(E.SqlDataset("sqlite", path, "SELECT score, age FROM t", (tf.string, tf.string))))
for query, types in [("SELECT name FROM t", (tf.string, tf.int32)),
                     ("SELECT nope FROM t", tf.int32)]:
    show_error(drain, E.SqlDataset("sqlite", path, query, types))
show_error(drain, E.SqlDataset("mysql", path, "SELECT age FROM t", tf.int32))
show_error(drain, E.SqlDataset("sqlite", path, "SELECT score FROM t", tf.float32))
