# tf.data.experimental.make_csv_dataset (unshuffled, so the order is deterministic).
import os
import tempfile

d = tempfile.mkdtemp()
with open(os.path.join(d, "a.csv"), "w") as f:
    f.write("name,age,height,label\nann,30,1.5,1\nbob,41,,0\ncy,7,1.25,1\n")
with open(os.path.join(d, "b.csv"), "w") as f:
    f.write("name,age,height,label\ndee,3000000000,2.0,0\n")
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


def show(value):
    if isinstance(value, tuple):
        return tuple(show(v) for v in value)
    if isinstance(value, dict):
        return [(k, show(v)) for k, v in value.items()]
    return value.tolist()


ds = E.make_csv_dataset(os.path.join(d, "a.csv"), 2, num_epochs=1, shuffle=False,
                        column_defaults=["", 0, 0.0, 0])
print(type(tf.data.get_output_types(ds)).__name__, tf.data.get_output_types(ds))
print(tf.data.get_output_shapes(ds))
for batch in drain(ds):
    print(show(batch))
both = E.make_csv_dataset(os.path.join(d, "*.csv"), 3, label_name="label", num_epochs=1,
                          shuffle=False, select_columns=["name", "age", "label"])
print(tf.data.get_output_types(both))
for batch in drain(both):
    print(show(batch))
inferred = E.make_csv_dataset(os.path.join(d, "a.csv"), 3, num_epochs=1, shuffle=False,
                              select_columns=[1, 3])
print(tf.data.get_output_types(inferred))
print([show(b) for b in drain(inferred)])
rep = E.make_csv_dataset(os.path.join(d, "a.csv"), 2, shuffle=False, select_columns=["age"])
print(tf.data.get_output_shapes(rep))
nxt = tf.data.make_one_shot_iterator(rep).get_next()
print([sess.run(nxt)["age"].tolist() for _ in range(3)])
show_error_contains(lambda: E.make_csv_dataset(os.path.join(d, "none*.csv"), 2),
                    "No files match `file_pattern`")
show_error(E.make_csv_dataset, os.path.join(d, "a.csv"), 2, label_name="nope")
show_error(E.make_csv_dataset, os.path.join(d, "a.csv"), 2, header=False)
