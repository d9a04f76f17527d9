"""`import tfcompat` defers its rarely used parts; first access, `dir` and op lookups load them.

Each check runs in a fresh interpreter: the test session itself has imported everything.
"""

import json
import subprocess
import sys
import textwrap

import tfcompat as tf

# Modules that `import tfcompat` must not import (each costs import time; see tfcompat/__init__.py).
DEFERRED = ("tfcompat.data", "tfcompat.estimator", "tfcompat.image", "tfcompat.linalg",
            "tfcompat.signal", "tfcompat.sparse", "tfcompat.testing", "tfcompat.metrics",
            "tfcompat.io", "tfcompat.queue", "tfcompat.ops.queue_ops", "tfcompat.ops.csv_ops",
            "tfcompat.ops.example_parsing_ops", "tfcompat.ops.image_codec_ops",
            "tfcompat.ops.linalg.dense_ops", "tfcompat.training.input",
            "tfcompat.training.monitored_session", "tfcompat.nn", "tfcompat.layers",
            "tfcompat.math", "tfcompat.ops.check_ops", "tfcompat.ops.special_math_ops",
            "tfcompat.train", "tfcompat.training.saver", "unittest.mock")


def run_fresh(code: str) -> dict:
    """Runs ``code`` in a new interpreter; it prints one JSON value, returned here."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_import_does_not_load_the_deferred_modules():
    loaded = run_fresh(f"""
        import json, sys
        import tfcompat
        print(json.dumps([m for m in {DEFERRED!r} if m in sys.modules]))
    """)
    assert loaded == []


def test_first_access_loads_and_caches():
    result = run_fresh("""
        import json, sys
        import tfcompat as tf
        before = "tfcompat.ops.queue_ops" in sys.modules
        queue = tf.FIFOQueue(3, tf.float32)
        print(json.dumps({
            "before": before,
            "after": "tfcompat.ops.queue_ops" in sys.modules,
            "cached": vars(tf)["FIFOQueue"] is tf.queue.FIFOQueue,
            "type": queue.queue_ref.op.type,
            "data": "data" in vars(tf) or None,
            "dataset": repr(tf.data.Dataset.range(3).output_types),
            "data_cached": vars(tf)["data"] is sys.modules["tfcompat.data"],
            "batch": tf.train.batch.__module__,
        }))
    """)
    assert result == {"before": False, "after": True, "cached": True, "type": "FIFOQueueV2",
                      "data": None, "dataset": "tf.int64", "data_cached": True,
                      "batch": "tfcompat.training.input"}


def test_import_forms_and_dir():
    result = run_fresh("""
        import json
        import tfcompat as tf
        names = dir(tf)
        from tfcompat import estimator
        import tfcompat.image
        from tfcompat.train import MonitoredTrainingSession
        print(json.dumps({
            "dir": [n in names for n in ("data", "FIFOQueue", "decode_csv", "svd", "constant")],
            "train_dir": "shuffle_batch" in dir(tf.train),
            "estimator": estimator is tf.estimator,
            "image": tfcompat.image is tf.image,
            "mts": MonitoredTrainingSession is tf.train.MonitoredTrainingSession,
        }))
    """)
    assert result == {"dir": [True] * 5, "train_dir": True, "estimator": True, "image": True,
                      "mts": True}


def test_unsupported_names_keep_their_error():
    result = run_fresh("""
        import json
        import tfcompat as tf
        errors = []
        for name in ("wrap_function", "no_such_symbol"):
            try:
                getattr(tf, name)
            except AttributeError as e:
                errors.append(str(e).splitlines()[0])
        try:
            tf.train.no_such_symbol
        except AttributeError as e:
            errors.append(str(e))
        print(json.dumps(errors))
    """)
    assert result == [
        "tf.wrap_function is not supported by tfcompat yet",
        "tfcompat.no_such_symbol does not exist (tf.no_such_symbol is not a TensorFlow 1 symbol "
        "either)",
        "tfcompat.train.no_such_symbol does not exist (tf.train.no_such_symbol is not a "
        "TensorFlow 1 symbol either)",
    ]


def test_op_and_gradient_lookups_load_deferred_op_types():
    result = run_fresh("""
        import json, sys
        import tfcompat
        from tfcompat.framework import op_registry
        before = "tfcompat.ops.linalg.dense_ops" in sys.modules
        grad = op_registry.get_gradient_function("MatrixDeterminant")
        print(json.dumps({
            "before": before,
            "grad": grad is not None,
            "op_def": op_registry.get_op_def("FIFOQueueV2").type,
            "all": "ParseExampleV2" in op_registry.registered_op_types(),
        }))
    """)
    assert result == {"before": False, "grad": True, "op_def": "FIFOQueueV2", "all": True}


def test_imported_graph_with_deferred_op_types_runs():
    with tf.Graph().as_default() as graph:
        x = tf.constant([[2.0, 1.0], [1.0, 3.0]], name="x")
        tf.matrix_determinant(x, name="det")
    graph_def = graph.as_graph_def().SerializeToString().hex()
    result = run_fresh(f"""
        import json
        import tfcompat as tf
        graph_def = tf.GraphDef()
        graph_def.ParseFromString(bytes.fromhex({graph_def!r}))
        tf.import_graph_def(graph_def, name="")
        det = tf.get_default_graph().get_tensor_by_name("det:0")
        grad, = tf.gradients(det, tf.get_default_graph().get_tensor_by_name("x:0"))
        with tf.Session() as sess:
            value, grad_value = sess.run([det, grad])
        print(json.dumps({{"type": det.op.type, "value": float(value),
                           "grad": grad_value.tolist()}}))
    """)
    # d det(X) / dX = det(X) * inverse(X)^T = [[3, -1], [-1, 2]] for this X (det 5).
    assert result["type"] == "MatrixDeterminant"
    assert abs(result["value"] - 5.0) < 1e-5
    assert all(abs(g - e) < 1e-5 for row, erow in zip(result["grad"], [[3.0, -1.0], [-1.0, 2.0]])
               for g, e in zip(row, erow))


# ---- issue 13: the whole namespace is lazy ---------------------------------------------------

# Modules `import tfcompat` may load: numpy's, the graph core's and the lazy machinery's. Anything
# else (an op family, the Session, variables, protobuf) must wait for first access.
CORE_PREFIXES = ("tfcompat.framework.", "tfcompat.platform.", "tfcompat._", "tfcompat.tools")
NOT_AT_IMPORT = ("tfcompat.ops", "tfcompat.client", "tfcompat.variables", "tfcompat.protobuf",
                 "tfcompat.framework.graph_export", "tfcompat.framework.tensor_protos",
                 "tfcompat.tools.draw", "tfcompat.training")


def test_import_loads_only_the_graph_core():
    loaded = run_fresh("""
        import json, sys
        import tfcompat
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("tfcompat"))))
    """)
    assert [m for m in loaded if m.startswith(NOT_AT_IMPORT)] == []
    assert [m for m in loaded
            if m not in ("tfcompat", "tfcompat.framework", "tfcompat.platform", "tfcompat.tools")
            and not m.startswith(CORE_PREFIXES)] == []


def test_first_op_module_brings_the_tensor_operators():
    # Tensor's Python operators come from ops/math/operators.py: any op module brings them, even
    # one that does not use math (tf.constant, tf.assign's state_ops, tf.Print's logging_ops).
    result = run_fresh("""
        import json
        import tfcompat as tf
        c = tf.constant([1.0, 2.0])
        y = (c * 2.0 + 1.0)[1]
        with tf.Session() as sess:
            print(json.dumps([y.op.type, float(sess.run(y)), repr(-c)]))
    """)
    assert result == ["StridedSlice", 5.0, "<tf.Tensor 'Neg:0' shape=(2,) dtype=float32>"]


def test_each_namespace_loads_by_itself():
    result = run_fresh("""
        import json, sys
        import tfcompat as tf
        before = [m in sys.modules for m in ("tfcompat.nn", "tfcompat.ops.nn_ops",
                                             "tfcompat.ops.candidate_sampling_ops")]
        relu = tf.nn.relu
        after_relu = [m in sys.modules for m in ("tfcompat.ops.nn_ops",
                                                 "tfcompat.ops.candidate_sampling_ops")]
        from tfcompat.nn import nce_loss
        from tfcompat.train import AdamOptimizer
        from tfcompat import Session, float32
        import tfcompat.math
        print(json.dumps({
            "before": before, "after_relu": after_relu,
            "nce": nce_loss.__module__, "adam": AdamOptimizer.__module__,
            "session": Session.__module__, "float32": repr(float32),
            "math_dir": "reduce_sum" in dir(tfcompat.math) and "bincount" in dir(tf.math),
            "v1": tf.compat.v1 is tf,
        }))
    """)
    assert result == {
        "before": [False, False, False], "after_relu": [True, False],
        "nce": "tfcompat.ops.candidate_sampling_ops", "adam": "tfcompat.training.optimizer",
        "session": "tfcompat.client.session", "float32": "tf.float32", "math_dir": True,
        "v1": True,
    }


def _all_registrations(code: str) -> dict:
    return run_fresh(code + """
        from tfcompat.framework import op_registry
        print(json.dumps({"ops": op_registry.registered_op_types(),
                          "grads": sorted(op_registry._GRADIENTS)}))
    """)


def test_a_registry_miss_loads_every_op_type_and_gradient():
    # The deferred loader must reach every module that registers an op type or a gradient,
    # including those named only by a lazy namespace's own table (tf.nn's CTC ops...).
    from_miss = _all_registrations("""
        import json
        import tfcompat
        from tfcompat.framework import op_registry
        op_registry.has_gradient_entry("NoSuchOpType")
    """)
    everything = _all_registrations("""
        import importlib, json, pkgutil
        import tfcompat
        for info in pkgutil.walk_packages(tfcompat.__path__, "tfcompat."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)
    """)
    assert from_miss["ops"] == everything["ops"]
    assert from_miss["grads"] == everything["grads"]


def test_imported_graph_of_many_op_families_runs_in_a_fresh_process():
    # Built here (everything loaded), imported where nothing but the core is: import_graph_def's
    # op lookups must load the op families, tf.gradients the gradients, Session the kernels.
    import numpy as np

    with tf.Graph().as_default() as graph:
        images = tf.constant(np.linspace(-1.0, 1.0, 2 * 6 * 6 * 1).reshape(2, 6, 6, 1),
                             tf.float32, name="images")
        filters = tf.constant(np.linspace(-0.5, 0.5, 3 * 3 * 1 * 2).reshape(3, 3, 1, 2),
                              tf.float32, name="filters")
        hidden = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(images, filters, [1, 1, 1, 1], "SAME")),
                                [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
        logits = tf.matmul(tf.reshape(hidden, [2, -1]), tf.ones([18, 3]) * 0.1)
        labels = tf.constant([0, 2], tf.int64)
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=labels, logits=logits))
        noise = tf.random_uniform([3], seed=7, name="noise")
        chosen = tf.cond(loss > 0.0, lambda: tf.nn.softmax(logits), lambda: logits)
        tf.add(loss, tf.reduce_sum(noise) + tf.reduce_sum(chosen), name="total")
        with tf.Session() as sess:
            expected = float(sess.run(graph.get_tensor_by_name("total:0")))
    graph_def = graph.as_graph_def().SerializeToString().hex()
    result = run_fresh(f"""
        import json, sys
        import tfcompat as tf
        graph_def = tf.GraphDef()
        graph_def.ParseFromString(bytes.fromhex({graph_def!r}))
        tf.import_graph_def(graph_def, name="")
        graph = tf.get_default_graph()
        total = graph.get_tensor_by_name("total:0")
        grad, = tf.gradients(total, graph.get_tensor_by_name("filters:0"))
        with tf.Session() as sess:
            value, grad_value = sess.run([total, grad])
        print(json.dumps({{"value": float(value), "grad_shape": list(grad_value.shape),
                           "types": sorted({{op.type for op in graph.get_operations()}} &
                                           {{"Conv2D", "MaxPool", "RandomUniform", "Switch",
                                             "SparseSoftmaxCrossEntropyWithLogits"}})}}))
    """)
    assert abs(result["value"] - expected) < 1e-5 * max(1.0, abs(expected))
    assert result["grad_shape"] == [3, 3, 1, 2]
    assert result["types"] == ["Conv2D", "MaxPool", "RandomUniform",
                               "SparseSoftmaxCrossEntropyWithLogits", "Switch"]


def test_threads_touching_lazy_names_at_once_load_them_safely():
    # The op modules import each other in cycles: without one-at-a-time first loads, threads
    # entering them at different modules saw Python's import deadlock error (about 1 run in 12).
    for _ in range(3):
        errors = run_fresh("""
            import json, threading
            import tfcompat as tf
            barrier = threading.Barrier(8)
            errors = []
            def worker(fn):
                try:
                    barrier.wait()
                    fn()
                except Exception as e:
                    errors.append(repr(e))
            fns = [lambda: tf.constant(1.0), lambda: tf.nn.relu, lambda: tf.Session,
                   lambda: tf.Variable, lambda: tf.train.AdamOptimizer,
                   lambda: tf.image.resize_images, lambda: tf.matmul, lambda: tf.random.normal]
            threads = [threading.Thread(target=worker, args=(fn,)) for fn in fns]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(json.dumps(errors))
        """)
        assert errors == []


def test_threads_missing_one_op_type_at_once_all_find_it():
    # The first miss runs the deferred loader; a thread missing meanwhile must wait for that load,
    # not find the loader gone and report the op type as unregistered.
    for _ in range(3):
        errors = run_fresh("""
            import json, threading
            import tfcompat as tf
            from tfcompat.framework import op_registry
            barrier = threading.Barrier(8)
            errors = []
            def worker():
                try:
                    barrier.wait()
                    op_registry.get_op_def("CTCLoss")
                    assert op_registry.has_gradient_entry("CTCLoss")
                except Exception as e:
                    errors.append(repr(e))
            threads = [threading.Thread(target=worker) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(json.dumps(errors))
        """)
        assert errors == []
