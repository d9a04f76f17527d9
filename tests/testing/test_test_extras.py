"""tf.test extras whose TF behaviour cannot be recorded by a conformance case: the cluster
helper (TF's needs portpicker), CPU-target answers (tfcompat generates no code) and the
randomized-name stripping of assert_equal_graph_def."""

from __future__ import annotations

import pytest

import tfcompat as tf
from tfcompat.framework import errors


def test_create_local_cluster_serves_one_task_in_process():
    workers, ps = tf.test.create_local_cluster(1, 0)
    assert ps == [] and len(workers) == 1
    assert workers[0].server_def.job_name == "worker"
    with tf.Graph().as_default(), tf.Session(workers[0].target) as sess:
        assert sess.run(tf.constant(2) * 3) == 6
    with pytest.raises(errors.UnimplementedError, match="cluster of 3 tasks"):
        tf.test.create_local_cluster(2, 1)


def test_no_cpu_code_generation_targets():
    assert [tf.test.is_cpu_target_available(t) for t in ("x86", "aarch64", "arm", "ppc64le",
                                                         "s390x")] == [False] * 5


def test_checkpoint_v2_temp_names_are_ignored():
    def saver_graph():
        g = tf.Graph()
        with g.as_default():
            tf.Variable(1.0, name="v")
            tf.train.Saver()
        return g.as_graph_def()

    first, second = saver_graph(), saver_graph()
    temps = [n for n in first.node if n.op == "Const" and any(
        s.startswith(b"_temp_") for s in n.attr["value"].tensor.string_val)]
    if temps:  # Saver V2 graphs carry a random temporary-file name
        with pytest.raises(AssertionError):
            tf.test.assert_equal_graph_def(first, second)
    tf.test.assert_equal_graph_def(first, second, checkpoint_v2=True)
