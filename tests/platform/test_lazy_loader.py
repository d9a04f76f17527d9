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
