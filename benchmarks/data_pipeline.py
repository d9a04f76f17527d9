"""Throughput of a TFRecordDataset -> map(parse_single_example) -> batch pipeline (records/s).

    python benchmarks/data_pipeline.py              # tfcompat
    python benchmarks/data_pipeline.py tensorflow   # the same program on TensorFlow, if installed
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import numpy as np

RECORDS = 20000
BATCH = 64


def _tf(backend: str):
    if backend == "tensorflow":
        import tensorflow.compat.v1 as tf
        tf.disable_v2_behavior()
        return tf
    import tfcompat as tf
    return tf


def main(backend: str = "tfcompat") -> None:
    tf = _tf(backend)
    path = os.path.join(tempfile.mkdtemp(), "bench.tfrecord")
    rng = np.random.RandomState(0)
    with tf.python_io.TFRecordWriter(path) as writer:
        for i in range(RECORDS):
            example = tf.train.Example(features=tf.train.Features(feature={
                "x": tf.train.Feature(float_list=tf.train.FloatList(value=rng.rand(8))),
                "label": tf.train.Feature(int64_list=tf.train.Int64List(value=[i % 10]))}))
            writer.write(example.SerializeToString())

    def parse(record):
        parsed = tf.parse_single_example(record, {
            "x": tf.FixedLenFeature([8], tf.float32), "label": tf.FixedLenFeature([], tf.int64)})
        return parsed["x"], parsed["label"]

    dataset = tf.data.TFRecordDataset([path]).map(parse).batch(BATCH)
    x, _ = dataset.make_one_shot_iterator().get_next()
    count = 0
    with tf.Session() as sess:
        start = time.perf_counter()
        while True:
            try:
                count += len(sess.run(x))
            except tf.errors.OutOfRangeError:
                break
        elapsed = time.perf_counter() - start
    print(f"{backend}: {count} records in {elapsed:.2f} s = {count / elapsed:,.0f} records/s")


if __name__ == "__main__":
    main(*sys.argv[1:])
