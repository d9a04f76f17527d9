"""tf.profiler.profile: text report, outputs, proto results, errors and write_op_log.

The expected reports were recorded from TensorFlow 2.21 (tf.compat.v1) on the graph below
(conformance/cases/profiler/default_output.py); tfprof prints them to the process's stdout.
"""

import os

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.protobuf.tfprof_pb2 import GraphNodeProto, OpLogProto


def _recorded(name: str) -> str:
    with open(os.path.join(os.path.dirname(__file__), "recorded", name)) as f:
        return f.read()


FLOPS_REPORT = _recorded("float_operation_report.txt")
PARAMS_REPORT = _recorded("trainable_variables_parameter_report.txt")


def _graph():
    g = tf.Graph()
    with g.as_default():
        x = tf.constant(np.ones([2, 3], np.float32), name="x")
        with tf.variable_scope("layer"):
            w = tf.get_variable("w", [3, 4], initializer=tf.ones_initializer())
            b = tf.get_variable("b", [4], initializer=tf.ones_initializer())
            y = tf.nn.bias_add(tf.matmul(x, w), b)
        tf.reduce_sum(y)
    return g


def test_default_reports_match_tensorflow(capfd):
    g = _graph()
    res = tf.profiler.profile(g, options=tf.profiler.ProfileOptionBuilder.float_operation())
    assert capfd.readouterr().out == FLOPS_REPORT
    assert res.total_float_ops == 63
    res = tf.profiler.profile(g)  # default options: trainable_variables_parameter()
    assert capfd.readouterr().out == PARAMS_REPORT
    assert res.total_parameters == 16


def test_empty_and_file_output(capfd, tmp_path):
    g = _graph()
    builder = tf.profiler.ProfileOptionBuilder
    tf.profiler.profile(g, options=builder(builder.float_operation()).with_empty_output().build())
    assert capfd.readouterr().out == ""
    path = str(tmp_path / "report.txt")
    opts = builder(builder.float_operation()).with_file_output(path).build()
    tf.profiler.profile(g, options=opts)
    assert capfd.readouterr().out == ""
    with open(path) as f:
        assert f.read() == FLOPS_REPORT.replace("stdout:", "file:outfile=" + path)


def test_result_is_a_graph_node_proto_tree():
    opts = tf.profiler.ProfileOptionBuilder.trainable_variables_parameter()
    opts["output"] = "none"
    res = tf.profiler.profile(_graph(), options=opts)
    assert isinstance(res, tf.profiler.GraphNodeProto)
    assert res.name == "_TFProfRoot"
    [layer] = res.children
    assert (layer.name, layer.parameters, layer.total_parameters) == ("layer", 0, 16)
    assert [(c.name, c.parameters) for c in layer.children] == [("layer/b", 4), ("layer/w", 12)]
    assert GraphNodeProto.FromString(res.SerializeToString()) == res


def test_input_shapes():
    opts = tf.profiler.ProfileOptionBuilder.float_operation()
    opts["output"] = "none"
    res = tf.profiler.profile(_graph(), options=opts)
    matmul = res.children[0]
    assert matmul.name == "layer/MatMul"
    assert {k: [d.size for d in v.dim] for k, v in matmul.input_shapes.items()} == {
        0: [2, 3], 1: [3, 4]}


def test_incomplete_shapes_are_reported_on_stderr(capfd):
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None, 5])
        tf.reduce_mean(tf.matmul(x, tf.ones([5, 2])) + 1.0)
    opts = tf.profiler.ProfileOptionBuilder.float_operation()
    opts["output"] = "none"
    res = tf.profiler.profile(g, options=opts)
    assert capfd.readouterr().err == "3 ops no flops stats due to incomplete shapes.\n"
    assert res.total_float_ops == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"run_meta": tf.RunMetadata()}, "run_meta"),
    ({"cmd": "op"}, "cmd='op'"),
    ({"options": {**tf.profiler.ProfileOptionBuilder.float_operation(), "select": ["micros"]}},
     "select"),
    ({"options": {**tf.profiler.ProfileOptionBuilder.float_operation(),
                  "output": "timeline:outfile=x"}}, "timeline"),
])
def test_unsupported_requests_raise_naming_them(kwargs, message):
    with pytest.raises(ValueError, match="not supported") as info:
        tf.profiler.profile(_graph(), **kwargs)
    assert message in str(info.value)


def test_write_op_log_round_trips(tmp_path):
    g = _graph()
    tf.profiler.write_op_log(g, str(tmp_path))
    with open(os.path.join(str(tmp_path), "tfprof_log"), "rb") as f:
        log = OpLogProto.FromString(f.read())
    entries = {e.name: e for e in log.log_entries}
    assert entries["layer/MatMul"].float_ops == 48
    assert list(entries["layer/w"].types) == ["_trainable_variables"]
    # An op log given to profile() adds types: here it makes `x` a trainable variable.
    extra = OpLogProto()
    extra.log_entries.add(name="x", types=["_trainable_variables"])
    opts = tf.profiler.ProfileOptionBuilder.trainable_variables_parameter()
    opts["output"] = "none"
    res = tf.profiler.profile(g, op_log=extra, options=opts)
    assert [c.name for c in res.children] == ["layer", "x"]


def test_namespace_names():
    for name in ("AdviceProto", "GraphNodeProto", "MultiGraphNodeProto", "OpLogProto",
                 "ProfileOptionBuilder", "profile", "write_op_log"):
        assert hasattr(tf.profiler, name)
    with pytest.raises(AttributeError, match="tf.profiler.Profiler"):
        tf.profiler.Profiler  # noqa: B018
