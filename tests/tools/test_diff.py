"""``python -m tfcompat diff``: agreement, a planted divergence traced to its op, exit statuses.

CI has no TensorFlow: a fake "TensorFlow interpreter" that runs tfcompat aliased as tensorflow
exercises the whole comparison; the real oracle is used too when /opt/tfvenv exists.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.dropin.dropin_cases import tfcompat_env
from tfcompat.tools import diff

ORACLE = "/opt/tfvenv/bin/python"

SCRIPT = textwrap.dedent("""\
    import numpy as np
    import tensorflow as tf

    x = tf.placeholder(tf.float32, [None, 3], name="x")
    w = tf.Variable(np.arange(6, dtype=np.float32).reshape(3, 2), name="w")
    y = tf.matmul(x, w, name="y")
    z = tf.reduce_sum(y * 2.0, name="z")
    g = tf.gradients(z, [w])
    print("built", z.name)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(sess.run(y, {x: np.ones((2, 3))}))
        print(sess.run({"z": z, "g": g}, {x: np.ones((2, 3))}))
    """)

# Stands in for `python -m tfcompat ARGS` (how diff starts the tfcompat run), after breaking
# the Mul kernel (x * y * 1.5).
PLANTED = textwrap.dedent("""\
    import sys
    import numpy as np
    from tfcompat.__main__ import main
    from tfcompat.framework import op_registry

    def bind(op, state):
        return lambda a, b: np.multiply(a, b) * np.asarray(1.5, np.result_type(a, b))

    object.__setattr__(op_registry.get_op_def("Mul"), "bind", bind)
    assert sys.argv[1:3] == ["-m", "tfcompat"], sys.argv
    sys.exit(main(sys.argv[3:]))
    """)


def wrapper(tmp_path, name: str, command: str) -> str:
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\nexec {command} \"$@\"\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def setup(tmp_path):
    script = tmp_path / "model.py"
    script.write_text(SCRIPT)
    (tmp_path / "planted.py").write_text(PLANTED)
    fake_tf = wrapper(tmp_path, "fake-tf-python", f"{sys.executable} -m tfcompat")
    planted = wrapper(tmp_path, "planted-python", f"{sys.executable} {tmp_path / 'planted.py'}")
    return script, fake_tf, planted


def run_diff(*args, env=None):
    return subprocess.run([sys.executable, "-m", "tfcompat", "diff", *map(str, args)],
                          capture_output=True, text=True, env=env or tfcompat_env(),
                          timeout=300)


def test_same_program_agrees(setup):
    script, fake_tf, _ = setup
    result = run_diff(script, "--tf-python", fake_tf)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no divergence: 3 Session.run calls and all printed output agree" in result.stdout


def test_planted_divergence_is_reported_and_traced_to_the_op(setup):
    script, fake_tf, planted = setup
    result = run_diff(script, "--tf-python", fake_tf, "--tfcompat-python", planted)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == ("first divergence: Session.run #3 (line 13): fetch "
                        "gradients/y_grad/MatMul_1:0 produced by op gradients/y_grad/MatMul_1 "
                        "(MatMul)")
    assert "tfcompat:   [6.0, 6.0, 6.0, 6.0, 6.0, 6.0]" in result.stdout
    assert "tensorflow: [4.0, 4.0, 4.0, 4.0, 4.0, 4.0]" in result.stdout
    assert "traced to op mul (Mul): its inputs agree, its output mul:0 does not" in result.stdout


def test_no_trace_and_tolerances(setup):
    script, fake_tf, planted = setup
    result = run_diff(script, "--tf-python", fake_tf, "--tfcompat-python", planted,
                      "--no-trace")
    assert result.returncode == 1 and "traced to" not in result.stdout
    loose = run_diff(script, "--tf-python", fake_tf, "--tfcompat-python", planted,
                     "--rtol", "1.0")
    assert loose.returncode == 0, loose.stdout


def test_without_tensorflow_it_says_so_and_exits_2(setup, tmp_path):
    script, _, _ = setup
    env = dict(tfcompat_env(), PATH=str(tmp_path / "empty"), VIRTUAL_ENV="")
    env.pop("TFCOMPAT_TF_PYTHON", None)
    if diff._can_import_tensorflow(sys.executable):
        pytest.skip("this interpreter has TensorFlow")
    result = run_diff(script, env=env)
    assert result.returncode == 2
    assert "no TensorFlow found to compare with" in result.stdout


def test_missing_script_exits_2():
    assert run_diff("nope.py").returncode == 2


def test_compare_reports_printed_differences_and_different_endings():
    start = [{"event": "start"}]
    ours = start + [{"event": "print", "text": "loss 0.5000001\nok\n"}, {"event": "exit",
                                                                           "status": 0}]
    same = start + [{"event": "print", "text": "loss 0.5\nok\n"}, {"event": "exit", "status": 0}]
    assert diff.compare(ours, same, 1e-5, 1e-6) is None
    other = start + [{"event": "print", "text": "loss 0.7\nok\n"}, {"event": "exit", "status": 0}]
    found = diff.compare(ours, other, 1e-5, 1e-6)
    assert found.what == "printed output differs"
    assert found.details[1:] == ["tfcompat:   'loss 0.5000001'", "tensorflow: 'loss 0.7'"]
    raised = start + [{"event": "error", "type": "ValueError", "message": "bad", "line": 3},
                      {"event": "exit", "status": 0}]
    found = diff.compare(ours, raised, 1e-5, 1e-6)
    assert found.what == "the runs take different courses"
    assert "raised ValueError: bad (line 3)" in found.details[1]


def test_compare_checks_dtype_shape_and_name_before_values():
    def run(**fetch):
        base = {"name": "y:0", "op": "y", "op_type": "MatMul", "kind": "array",
                "dtype": "float32", "shape": [2], "value": [1.0, 2.0]}
        return [{"event": "run", "line": 5, "fetches": [{**base, **fetch}]}]
    assert diff.compare(run(), run(), 1e-5, 1e-6) is None
    found = diff.compare(run(dtype="float64"), run(), 1e-5, 1e-6)
    assert found.details == ["dtype: tfcompat 'float64', tensorflow 'float32'"]
    assert found.what == "Session.run #1 (line 5): fetch y:0 produced by op y (MatMul)"
    assert diff.compare(run(shape=[1, 2]), run(), 1e-5, 1e-6).details[0].startswith("shape")
    nan = diff.compare(run(value=["nan", 2.0]), run(value=["nan", 2.0]), 1e-5, 1e-6)
    assert nan is None


@pytest.mark.skipif(not os.path.exists(ORACLE), reason="no TensorFlow oracle here")
def test_against_real_tensorflow(setup):
    script, _, planted = setup
    agree = run_diff(script, "--tf-python", ORACLE)
    assert agree.returncode == 0, agree.stdout + agree.stderr
    assert "vs tensorflow 2.21" in agree.stdout
    found = run_diff(script, "--tf-python", ORACLE, "--tfcompat-python", planted)
    assert found.returncode == 1
    assert "traced to op mul (Mul)" in found.stdout
