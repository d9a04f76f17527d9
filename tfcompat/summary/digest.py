"""A readable digest of a TensorBoard log directory, for CI logs and SSH sessions.

    python -m tfcompat.summary LOGDIR [--tag SUBSTRING] [--width N] [--ascii]

For every run (a directory holding event files) it prints the graph size and, per tag, the
number of points, the step range, the last value and a sparkline of scalars; the step range,
count and statistics of histograms; image sizes, audio lengths and the last text. Reading
tolerates a run still being written: a cut-off last record is reported, not fatal.
"""

from __future__ import annotations

import argparse
import math
import os
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from tfcompat.framework import errors
from tfcompat.lib.io.tfrecord import read_records
from tfcompat.protobuf.event_pb2 import Event
from tfcompat.protobuf.graph_pb2 import GraphDef
from tfcompat.protobuf.summary_pb2 import Summary

_BLOCKS = "▁▂▃▄▅▆▇█"
_ASCII = " .:-=+*#"


@dataclass
class TagSeries:
    """What one tag of one run recorded."""

    kind: str
    steps: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    last_detail: str = ""


@dataclass
class RunDigest:
    """Everything read from the event files of one directory."""

    name: str
    files: int = 0
    events: int = 0
    graph_nodes: int | None = None
    problems: list[str] = field(default_factory=list)
    tags: dict[str, TagSeries] = field(default_factory=dict)
    first_wall_time: float | None = None
    last_wall_time: float | None = None


def _is_event_file(name: str) -> bool:
    return "tfevents" in name


def find_runs(logdir: str) -> Iterator[tuple[str, list[str]]]:
    """(run name, event file paths in write order) for each directory holding event files."""
    for root, dirs, files in os.walk(logdir):
        dirs.sort()
        paths = sorted((os.path.join(root, f) for f in files if _is_event_file(f)),
                       key=_file_order)
        if paths:
            yield os.path.relpath(root, logdir), paths


def _file_order(path: str) -> tuple:
    parts = os.path.basename(path).split(".")
    seconds = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0
    return seconds, path


def _events(path: str, digest: RunDigest) -> Iterator[Event]:
    try:
        for record in read_records(path):
            yield Event.FromString(record)
    except errors.DataLossError as exc:
        digest.problems.append(f"{os.path.basename(path)}: {exc} (reading stopped there)")


def _series(digest: RunDigest, tag: str, kind: str) -> TagSeries:
    series = digest.tags.get(tag)
    if series is None:
        series = digest.tags[tag] = TagSeries(kind)
    return series


def _tensor_scalar(value: Summary.Value) -> float | None:
    tensor = value.tensor
    if tensor.tensor_shape.dim:
        return None
    for values in (tensor.float_val, tensor.double_val, tensor.int_val, tensor.int64_val):
        if len(values) == 1:
            return float(values[0])
    if len(tensor.tensor_content) in (4, 8) and tensor.dtype in (1, 2):  # float, double
        return struct.unpack("<f" if tensor.dtype == 1 else "<d", tensor.tensor_content)[0]
    return None


def _add_value(digest: RunDigest, step: int, value: Summary.Value) -> None:
    kind = value.WhichOneof("value")
    if kind == "simple_value":
        series = _series(digest, value.tag, "scalar")
        series.steps.append(step)
        series.values.append(value.simple_value)
    elif kind == "histo":
        h = value.histo
        series = _series(digest, value.tag, "histogram")
        series.steps.append(step)
        mean = h.sum / h.num if h.num else math.nan
        series.last_detail = f"n={h.num:g} min={h.min:.4g} max={h.max:.4g} mean={mean:.4g}"
    elif kind == "image":
        series = _series(digest, value.tag, "image")
        series.steps.append(step)
        im = value.image
        series.last_detail = f"{im.width}x{im.height}x{im.colorspace}"
    elif kind == "audio":
        series = _series(digest, value.tag, "audio")
        series.steps.append(step)
        a = value.audio
        seconds = a.length_frames / a.sample_rate if a.sample_rate else 0.0
        series.last_detail = f"{seconds:.2f} s, {a.num_channels} ch, {a.sample_rate:g} Hz"
    elif kind == "tensor":
        # Writers keep the metadata only on a tag's first value; later ones inherit its kind.
        plugin = value.metadata.plugin_data.plugin_name
        known = digest.tags.get(value.tag)
        scalar = _tensor_scalar(value)
        if plugin == "text" or (known is not None and known.kind == "text"):
            series = _series(digest, value.tag, "text")
            series.steps.append(step)
            texts = [s.decode("utf-8", "replace") for s in value.tensor.string_val]
            series.last_detail = repr(" | ".join(texts)[:60])
        elif scalar is not None:
            series = _series(digest, value.tag, "scalar")
            series.steps.append(step)
            series.values.append(scalar)
        else:
            series = _series(digest, value.tag, "tensor")
            series.steps.append(step)
            shape = [d.size for d in value.tensor.tensor_shape.dim]
            series.last_detail = f"shape={shape}" + (f" plugin={plugin}" if plugin else "")


def read_run(name: str, paths: list[str]) -> RunDigest:
    """Reads the event files of one run."""
    digest = RunDigest(name, files=len(paths))
    for path in paths:
        for event in _events(path, digest):
            digest.events += 1
            if event.wall_time:
                if digest.first_wall_time is None:
                    digest.first_wall_time = event.wall_time
                digest.last_wall_time = event.wall_time
            kind = event.WhichOneof("what")
            if kind == "summary":
                for value in event.summary.value:
                    _add_value(digest, event.step, value)
            elif kind == "graph_def":
                digest.graph_nodes = len(GraphDef.FromString(event.graph_def).node)
    return digest


def sparkline(values: list[float], width: int = 40, ascii_only: bool = False) -> str:
    """``values`` averaged into at most ``width`` buckets, drawn with block characters."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return ""
    buckets = min(width, len(values))
    means = []
    for b in range(buckets):
        chunk = values[b * len(values) // buckets:(b + 1) * len(values) // buckets]
        good = [v for v in chunk if math.isfinite(v)]
        means.append(sum(good) / len(good) if good else math.nan)
    drawn = [m for m in means if math.isfinite(m)]
    low, high = min(drawn), max(drawn)
    glyphs = _ASCII if ascii_only else _BLOCKS
    top = len(glyphs) - 1
    out = []
    for m in means:
        if not math.isfinite(m):
            out.append("?")
        elif high == low:
            out.append(glyphs[top // 2])
        else:
            out.append(glyphs[round((m - low) / (high - low) * top)])
    return "".join(out)


def _step_range(steps: list[int]) -> str:
    return f"{min(steps)}..{max(steps)}" if steps else "-"


def format_run(digest: RunDigest, tag_filter: str = "", width: int = 40,
               ascii_only: bool = False) -> list[str]:
    """The digest lines of one run."""
    span = ""
    if digest.first_wall_time is not None and digest.last_wall_time is not None:
        span = f", {digest.last_wall_time - digest.first_wall_time:.1f} s of wall time"
    lines = [f"run {digest.name}: {digest.files} file(s), {digest.events} events{span}"]
    if digest.graph_nodes is not None:
        lines.append(f"  graph: {digest.graph_nodes} nodes")
    lines += [f"  ! {p}" for p in digest.problems]
    tags = {t: s for t, s in digest.tags.items() if tag_filter in t}
    if not tags:
        lines.append("  (no summaries)")
    kinds = ("scalar", "histogram", "image", "audio", "text", "tensor")
    tag_width = max((len(t) for t in tags), default=0)
    for kind in kinds:
        selected = sorted(t for t, s in tags.items() if s.kind == kind)
        if not selected:
            continue
        lines.append(f"  {kind}s:")
        for tag in selected:
            s = tags[tag]
            steps = _step_range(s.steps)
            head = f"    {tag:<{tag_width}}  {len(s.steps):>6} pts  steps {steps:<12}"
            if kind == "scalar":
                lo, hi = min(s.values), max(s.values)
                lines.append(f"{head} last {s.values[-1]:<11.6g} min {lo:<11.6g} "
                             f"max {hi:<11.6g} {sparkline(s.values, width, ascii_only)}")
            else:
                lines.append(f"{head} last {s.last_detail}")
    return lines


def digest_logdir(logdir: str, tag_filter: str = "", width: int = 40,
                  ascii_only: bool = False) -> str:
    """The digest of every run under ``logdir`` as text."""
    lines: list[str] = []
    for name, paths in find_runs(logdir):
        lines += format_run(read_run(name, paths), tag_filter, width, ascii_only)
    if not lines:
        lines.append(f"no event files under {logdir}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tfcompat.summary",
        description="Print a digest of the TensorBoard event files under LOGDIR.",
    )
    parser.add_argument("logdir")
    parser.add_argument("--tag", default="", help="only tags containing this text")
    parser.add_argument("--width", type=int, default=40, help="sparkline width (characters)")
    parser.add_argument("--ascii", action="store_true", help="draw sparklines with ASCII only")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.logdir):
        print(f"{args.logdir}: not a directory", file=sys.stderr)
        return 2
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    ascii_only = args.ascii or "utf" not in encoding.lower()
    sys.stdout.write(digest_logdir(args.logdir, args.tag, max(args.width, 1), ascii_only))
    return 0
