"""``python -m tfcompat``: running scripts and modules with the alias, and the symbol report."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import tfcompat
from tests.dropin.dropin_cases import SCRIPTS, tfcompat_env
from tfcompat.__main__ import USAGE

needs_exports = pytest.mark.skipif(not hasattr(tfcompat, "app"),
                                   reason="needs the drop-in exports in tfcompat")

PROBE = """\
import os, sys
import tensorflow as tf
print("name:", __name__)
print("argv:", sys.argv[1:])
print("path0 is script dir:", sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print("tf is tfcompat:", tf.__name__)
with tf.Session() as sess:
    print("value:", sess.run(tf.constant(2.0) * 3.0))
sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
"""


def tfcompat_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tfcompat", *args], capture_output=True,
                          text=True, env=tfcompat_env(), cwd=cwd, timeout=120)


@pytest.mark.parametrize("prefix", [(), ("run",)], ids=["script", "run_script"])
def test_runs_a_script_importing_tensorflow(tmp_path, prefix):
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    result = tfcompat_cli(*prefix, str(script), "3", "--flag=x")
    assert result.returncode == 3, result.stderr
    assert result.stdout == ("name: __main__\n"
                             "argv: ['3', '--flag=x']\n"
                             "path0 is script dir: True\n"
                             "tf is tfcompat: tfcompat\n"
                             "value: 6.0\n")


def test_without_the_alias_tensorflow_is_not_importable(tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            env=tfcompat_env(), timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "ModuleNotFoundError: No module named 'tensorflow'"


def test_runs_a_module(tmp_path):
    (tmp_path / "probe_module.py").write_text(PROBE.replace(
        "os.path.dirname(os.path.abspath(__file__))", "os.getcwd()"))
    result = tfcompat_cli("-m", "probe_module", "0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["name: __main__", "argv: ['0']"]
    assert "path0 is script dir: True" in result.stdout


def test_missing_script_or_module(tmp_path):
    missing = str(tmp_path / "missing.py")
    result = tfcompat_cli(missing)
    assert (result.returncode, result.stderr) == (
        2, f"tfcompat: can't open file {missing!r}: No such file\n")
    result = tfcompat_cli("-m", "no_such_module_anywhere")
    assert (result.returncode, result.stderr) == (
        1, "tfcompat: No module named no_such_module_anywhere\n")


def test_usage():
    result = tfcompat_cli()
    assert (result.returncode, result.stdout, result.stderr) == (2, "", USAGE)
    result = tfcompat_cli("--help")
    assert (result.returncode, result.stdout) == (0, USAGE)
    assert USAGE.startswith("usage:\n    python -m tfcompat [run] SCRIPT [ARGS...]")


def test_symbols_report():
    result = tfcompat_cli("symbols", "tf.contrib")
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert "supported    tf.contrib.layers.flatten  [contrib]" in lines
    assert "unsupported  tf.contrib.learn.RunConfig  [contrib]" in lines
    assert re.fullmatch(r"tfcompat supports \d+ of \d+ known TF1 symbols \(\d+\.\d%\); "
                        r"\d+ more tfcompat symbols are not in that list", lines[-1])
    result = tfcompat_cli("symbols", "--supported", "tf.nn")
    lines = result.stdout.splitlines()
    assert "supported    tf.nn.relu" in lines
    assert all(line.startswith("supported ") for line in lines[:-1])
    summary = re.fullmatch(r"tfcompat supports (\d+) of (\d+) known TF1 symbols \([\d.]+%\); "
                           r"(\d+) more tfcompat symbols are not in that list", lines[-1])
    assert summary and int(summary[1]) == len(lines) - 1 - int(summary[3])
    assert tfcompat_cli("symbols", "--bogus").returncode == 2


@needs_exports
def test_tf1_unit_test_module_runs_under_unittest():
    result = tfcompat_cli("tf1_unit_tests.py", cwd=SCRIPTS)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-3:] == [
        "Ran 9 tests in " + result.stderr.split("Ran 9 tests in ")[1].split("\n")[0],
        "", "OK (skipped=1)"]


@needs_exports
def test_tf1_unit_test_module_runs_under_pytest_with_the_alias():
    result = tfcompat_cli("-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=",
                          str(SCRIPTS / "tf1_unit_tests.py"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 passed, 1 skipped" in result.stdout


@needs_exports
def test_tf1_unit_test_module_runs_under_plain_pytest_with_a_conftest(tmp_path):
    (tmp_path / "conftest.py").write_text("import tfcompat.alias\ntfcompat.alias.install()\n")
    (tmp_path / "test_math_ops.py").write_text((SCRIPTS / "tf1_unit_tests.py").read_text())
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                             "--rootdir", str(tmp_path), str(tmp_path)], capture_output=True,
                            text=True, env=tfcompat_env(), cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 passed, 1 skipped" in result.stdout


def test_symbols_coverage_by_namespace_counts_the_symbol_table():
    result = tfcompat_cli("symbols", "--by-namespace", "tf.bitwise")
    assert result.returncode == 0
    rows = dict(line.split() for line in result.stdout.splitlines())
    # TF 2.21's tf.compat.v1.bitwise has six names; tfcompat has all of them.
    assert rows["tf.bitwise"] == "6/6"
    listed = tfcompat_cli("symbols", "tf.nn").stdout.splitlines()[:-1]
    known = [line for line in listed if not line.endswith("[tfcompat]")
             and line.split()[1].rsplit(".", 1)[0] == "tf.nn" and "[" not in line]
    done = sum(line.startswith("supported ") for line in known)
    nn = dict(line.split() for line in tfcompat_cli(
        "symbols", "--by-namespace", "tf.nn").stdout.splitlines())
    assert nn["tf.nn"] == f"{done}/{len(known)}"
