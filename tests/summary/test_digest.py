"""The log-directory digest CLI: runs, tags, steps, last values, sparklines, damaged files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tfcompat.protobuf as pb
from tfcompat.summary.digest import digest_logdir, sparkline
from tfcompat.summary.writer import FileWriter

REPO_ROOT = Path(__file__).resolve().parents[2]


def _write_run(logdir, values):
    with FileWriter(str(logdir)) as writer:
        for step, value in enumerate(values):
            summary = pb.Summary()
            summary.value.add(tag="loss", simple_value=value)
            summary.value.add(tag="weights", histo=pb.HistogramProto(min=-1, max=3, num=4, sum=2))
            image = summary.value.add(tag="input/image/0").image
            image.height, image.width, image.colorspace = 28, 32, 1
            text = summary.value.add(tag="notes")
            text.metadata.plugin_data.plugin_name = "text"
            text.tensor.dtype = pb.DataType.Value("DT_STRING")
            text.tensor.string_val.append(f"step {step}".encode())
            writer.add_summary(summary, step * 10)


def test_sparkline_scales_between_min_and_max():
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5]) == "▄▄▄"
    assert sparkline([0.0, 1.0], ascii_only=True) == " #"
    assert sparkline(list(range(100)), width=4) == "▁▃▆█"
    assert sparkline([float("nan")]) == ""


def test_digest_lists_every_run_and_tag(tmp_path):
    _write_run(tmp_path / "train", [3.0, 2.0, 1.5, 1.0])
    _write_run(tmp_path / "eval", [4.0])
    text = digest_logdir(str(tmp_path), width=8)
    lines = text.splitlines()
    assert lines[0].startswith("run eval: 1 file(s), 2 events")
    train = lines.index(next(line for line in lines if line.startswith("run train:")))
    assert lines[train].startswith("run train: 1 file(s), 5 events")
    loss = next(line for line in lines[train:] if line.strip().startswith("loss"))
    assert "4 pts  steps 0..30" in loss and "last 1 " in loss and loss.endswith("█▅▃▁")
    body = "\n".join(lines[train:])
    assert "weights" in body and "n=4 min=-1 max=3 mean=0.5" in body
    assert "input/image/0" in body and "32x28x1" in body
    assert "'step 3'" in body
    only = digest_logdir(str(tmp_path), tag_filter="loss")
    assert "weights" not in only and "loss" in only


def test_a_damaged_file_is_reported_not_fatal(tmp_path):
    _write_run(tmp_path, [1.0, 2.0])
    (path,) = [tmp_path / f for f in os.listdir(tmp_path)]
    path.write_bytes(path.read_bytes()[:-3])
    text = digest_logdir(str(tmp_path))
    assert "truncated record" in text and "loss" in text and "1 pts" in text


def test_command_line(tmp_path):
    _write_run(tmp_path, [1.0, 0.5])
    result = subprocess.run([sys.executable, "-m", "tfcompat.summary", str(tmp_path), "--ascii"],
                            capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert result.stdout.startswith("run .: 1 file(s), 3 events")
    missing = subprocess.run([sys.executable, "-m", "tfcompat.summary", str(tmp_path / "nope")],
                             capture_output=True, text=True, cwd=REPO_ROOT)
    assert missing.returncode == 2 and "not a directory" in missing.stderr
