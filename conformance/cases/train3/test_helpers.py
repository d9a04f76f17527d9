# tf.test helpers: assert_equal_graph_def (equal graphs, TF's first-difference messages,
# TypeErrors), StubOutForTesting, disable_with_predicate, with_eager_op_as_function,
# test_src_dir_path, Benchmark.run_op_benchmark,
# is_cpu_target_available's unknown target, experimental.sync_devices in graph mode.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import contextlib
import io
import os
import types
import unittest


def graph_def(build):
    g = tf.Graph()
    with g.as_default():
        build()
    return g.as_graph_def()


pairs = [
    (lambda: tf.constant(1., name="a"), lambda: tf.constant(1., name="a")),
    (lambda: tf.constant(1., name="a"), lambda: tf.constant(2., name="a")),
    (lambda: tf.constant(1., name="a"), lambda: tf.constant(1., name="b")),
    (lambda: (tf.constant(1., name="a"), tf.constant(1., name="c")),
     lambda: tf.constant(1., name="a")),
    (lambda: tf.constant(1., name="a"),
     lambda: (tf.constant(1., name="a"), tf.constant(1., name="c"))),
    (lambda: tf.add(tf.constant(1., name="a"), tf.constant(2., name="b"), name="s"),
     lambda: tf.add(tf.constant(2., name="b"), tf.constant(1., name="a"), name="s")),
    (lambda: tf.add(tf.constant(1., name="a"), 1., name="s"),
     lambda: tf.subtract(tf.constant(1., name="a"), 1., name="s")),
    (lambda: tf.placeholder(tf.float32, [None, 3], name="p"),
     lambda: tf.placeholder(tf.float32, [2, 3], name="p")),
]
# (with several differing attrs, which one TF names first follows its map's order: not checked)
for actual, expected in pairs:
    try:
        tf.test.assert_equal_graph_def(graph_def(actual), graph_def(expected))
        print("equal")
    except AssertionError as e:
        print("AssertionError:", e)
show_error(tf.test.assert_equal_graph_def, 1, graph_def(pairs[0][0]))
show_error(tf.test.assert_equal_graph_def, graph_def(pairs[0][0]), 2)

module = types.SimpleNamespace(f=lambda: 1, g=lambda: "g")
stubs = tf.test.StubOutForTesting()
stubs.Set(module, "f", lambda: 2)
stubs.SmartSet(module, "g", lambda: "G")
print(module.f(), module.g())
stubs.UnsetAll()
print(module.f(), module.g())
stubs.SmartUnsetAll()
print(module.f(), module.g())
stubs.Set(module, "f", lambda: 3)
stubs.CleanUp()
print(module.f())


class Case(unittest.TestCase):
    @tf.test.disable_with_predicate(pred=lambda: True, skip_message="always off")
    def test_off(self):
        print("ran test_off")

    @tf.test.disable_with_predicate(pred=lambda: False, skip_message="never off")
    def test_on(self):
        print("ran test_on")


result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(Case).run(result)
print(result.testsRun, [(t.id().split(".")[-1], reason) for t, reason in result.skipped])
print(tf.test.with_eager_op_as_function(Case) is Case,
      tf.test.with_eager_op_as_function(only_as_function=True)(Case) is Case)
os.environ["TEST_SRCDIR"], os.environ["TEST_WORKSPACE"] = "/src", "ws"
print(tf.test.test_src_dir_path("python/ops"))
show_error(tf.test.is_cpu_target_available, "abc")
show_error(tf.test.experimental.sync_devices)


class Bench(tf.test.Benchmark):
    def benchmark_add(self):
        with tf.Session() as sess:
            return self.run_op_benchmark(sess, tf.constant(1.) + 2., min_iters=3,
                                         store_memory_usage=False, name="add",
                                         extras={"k": 1})


report = io.StringIO()
with contextlib.redirect_stdout(report):
    keys = sorted(Bench().benchmark_add())
    Bench().report_benchmark(iters=2, wall_time=0.5, throughput=4.0, name="manual",
                             extras={"x": "text"})
print("\n".join(line for line in report.getvalue().splitlines()
                if "wall_time" not in line or line.endswith(": 0.5")))
print(keys, Bench.is_abstract(), tf.test.Benchmark.is_abstract())
