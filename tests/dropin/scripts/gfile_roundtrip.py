"""Writes, lists, copies and deletes files with tf.gfile and tf.io.gfile under a scratch dir."""
# TF1-era Python idiom, kept as such scripts were written:
# ruff: noqa: UP004, UP010, UP031
import os
import sys

import tensorflow as tf


def rel(root, paths):
    return sorted(os.path.relpath(p, root) for p in paths)


def main(argv):
    root = argv[1]
    data = os.path.join(root, "data")
    tf.gfile.MakeDirs(os.path.join(data, "shards"))
    for i in range(3):
        with tf.gfile.GFile(os.path.join(data, "shards", "part-%05d.txt" % i), "w") as f:
            f.write("line %d\r\nsecond\n" % i)
    with tf.gfile.Open(os.path.join(data, "blob.bin"), "wb") as f:
        f.write(b"\x00\x01\x02")
    print("exists:", tf.gfile.Exists(data), tf.gfile.Exists(os.path.join(root, "nope")))
    print("isdir:", tf.gfile.IsDirectory(data), tf.io.gfile.isdir(os.path.join(data, "blob.bin")))
    print("listdir:", sorted(tf.gfile.ListDirectory(data)))
    print("glob:", rel(root, tf.gfile.Glob(os.path.join(data, "shards", "part-*"))))
    with tf.gfile.GFile(os.path.join(data, "shards", "part-00001.txt")) as f:
        print("lines:", f.readlines())
    with tf.gfile.GFile(os.path.join(data, "blob.bin"), "rb") as f:
        print("bytes:", f.read(), "size:", f.size())
    print("stat:", tf.gfile.Stat(os.path.join(data, "blob.bin")).length)
    tf.gfile.Copy(os.path.join(data, "blob.bin"), os.path.join(data, "copy.bin"))
    try:
        tf.gfile.Copy(os.path.join(data, "blob.bin"), os.path.join(data, "copy.bin"))
    except tf.errors.AlreadyExistsError as e:
        print("AlreadyExistsError:", e.message, e.error_code)
    tf.io.gfile.rename(os.path.join(data, "copy.bin"), os.path.join(data, "moved.bin"))
    for dirname, subdirs, files in tf.gfile.Walk(data):
        print("walk:", os.path.relpath(dirname, root), sorted(subdirs), sorted(files))
    try:
        tf.gfile.GFile(os.path.join(root, "missing.txt")).read()
    except tf.errors.NotFoundError as e:
        print("NotFoundError:", os.path.basename(e.message.split(";")[0]), e.message.split("; ")[1])
    try:
        tf.gfile.ListDirectory(os.path.join(root, "missing"))
    except tf.errors.NotFoundError as e:
        print("NotFoundError:", os.path.relpath(e.message.split(" ")[-1], root))
    tf.gfile.DeleteRecursively(data)
    print("after delete:", tf.io.gfile.exists(data), tf.io.gfile.listdir(root))


if __name__ == "__main__":
    main(sys.argv)
