"""``python -m tfcompat graph``: a script's graph drawn with its gradient calls marked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.dropin.dropin_cases import tfcompat_env
from tests.tools.svg_checks import nodes, parse

SCRIPT = textwrap.dedent("""\
    import sys
    import tensorflow as tf

    w1 = tf.Variable(2.0, name="w1")
    w2 = tf.Variable(2.0, name="w2")
    b = tf.multiply(tf.stop_gradient(w1 * 3.0), w2, name="b")
    train = tf.train.GradientDescentOptimizer(0.1).minimize(b)
    print("argv", sys.argv[1:])
    """)


def run_graph(tmp_path, *args):
    script = tmp_path / "model.py"
    script.write_text(SCRIPT)
    return subprocess.run([sys.executable, "-m", "tfcompat", "graph", str(script), *args],
                          capture_output=True, text=True, env=tfcompat_env(), timeout=120)


def test_graph_command_draws_the_script_graph_with_optimizer_gradients_marked(tmp_path):
    out = tmp_path / "g.svg"
    result = run_graph(tmp_path, "-o", str(out), "--", "--flag", "1")
    assert result.returncode == 0, result.stderr
    assert "argv ['--flag', '1']" in result.stdout
    assert "gradient paths marked" in result.stderr
    drawn = nodes(out.read_text())
    assert "blocked" in drawn["StopGradient"]["classes"]
    assert {"x", "none"} <= drawn["w1"]["classes"]  # minimize asked for w1's gradient
    assert "none" not in drawn["w2"]["classes"]


def test_fetch_restricts_the_picture_and_dot_output(tmp_path):
    out = tmp_path / "g.svg"
    assert run_graph(tmp_path, "--fetch", "mul", "-o", str(out)).returncode == 0
    assert "b" not in nodes(out.read_text()) and "w1" in nodes(out.read_text())
    dot = tmp_path / "g.dot"
    assert run_graph(tmp_path, "-o", str(dot)).returncode == 0
    assert dot.read_text().startswith("digraph tfcompat {")


def test_bad_fetch_and_missing_script(tmp_path):
    result = run_graph(tmp_path, "--fetch", "nope:0", "-o", str(tmp_path / "g.svg"))
    assert result.returncode == 2 and "--fetch nope:0" in result.stderr
    result = subprocess.run([sys.executable, "-m", "tfcompat", "graph", "missing.py"],
                            capture_output=True, text=True, env=tfcompat_env(), timeout=60)
    assert result.returncode == 2 and "can't open file" in result.stderr


def test_graph_of_tf_app_run_script(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent("""\
        import tensorflow as tf

        def main(_):
            x = tf.placeholder(tf.float32, [2], name="x")
            tf.reduce_sum(tf.square(x), name="loss")

        if __name__ == "__main__":
            tf.app.run()
        """))
    out = tmp_path / "g.svg"
    result = subprocess.run([sys.executable, "-m", "tfcompat", "graph", str(script), "-o",
                             str(out)], capture_output=True, text=True, env=tfcompat_env(),
                            timeout=120)
    assert result.returncode == 0, result.stderr
    parse(out.read_text())
    assert {"x", "loss"} <= set(nodes(out.read_text()))
