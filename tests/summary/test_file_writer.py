"""FileWriter and the event-file writer: naming, framing, queueing, flushing, losing nothing."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from tensorboard.backend.event_processing import event_file_loader
from tensorboard.compat.proto import event_pb2 as tb_event_pb2
from tensorboard.compat.proto import graph_pb2 as tb_graph_pb2

import tfcompat.protobuf as pb
from tfcompat.framework import ops
from tfcompat.ops.constant_op import constant
from tfcompat.summary import event_file_writer
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.summary.writer import FileWriter, FileWriterCache

REPO_ROOT = Path(__file__).resolve().parents[2]


def _scalar(tag: str, value: float) -> pb.Summary:
    return pb.Summary(value=[pb.Summary.Value(tag=tag, simple_value=value)])


def _event_files(logdir) -> list[str]:
    return sorted(os.path.join(logdir, f) for f in os.listdir(logdir) if "tfevents" in f)


def _events(logdir) -> list[pb.Event]:
    return [e for path in _event_files(logdir) for e in summary_iterator(path)]


def _scalars(logdir) -> list[tuple[int, str, float]]:
    return [(e.step, v.tag, v.simple_value) for e in _events(logdir)
            if e.WhichOneof("what") == "summary" for v in e.summary.value]


def test_file_appears_with_the_first_event_and_is_named_like_tensorflows(tmp_path):
    writer = FileWriter(str(tmp_path))
    assert os.listdir(tmp_path) == []
    before = int(time.time())
    writer.add_summary(_scalar("acc", 0.5), 3)
    writer.flush()
    (path,) = _event_files(tmp_path)
    prefix, seconds, host = os.path.basename(path).rsplit(".", 2)
    assert prefix == "events.out.tfevents" and host == socket.gethostname()
    assert len(seconds) == 10 and before <= int(seconds) <= time.time()
    header, event = list(summary_iterator(path))
    assert header.wall_time == float(seconds) and header.file_version == "brain.Event:2"
    assert header.source_metadata.writer == "tensorflow.core.util.events_writer"
    assert event.step == 3 and event.summary.value[0].simple_value == 0.5
    writer.close()


def test_filename_suffix_creates_the_file_at_once(tmp_path):
    writer = FileWriter(str(tmp_path), filename_suffix=".v2")
    (path,) = _event_files(tmp_path)
    assert path.endswith("." + socket.gethostname() + ".v2")
    writer.close()


def test_tensorboard_loader_reads_every_event(tmp_path):
    with FileWriter(str(tmp_path)) as writer:
        writer.add_summary(_scalar("loss", 2.0).SerializeToString(), global_step=1)
        writer.add_summary(_scalar("loss", 1.0), global_step=2)
        writer.add_session_log(pb.SessionLog(status=pb.SessionLog.START), 3)
        writer.add_run_metadata(pb.RunMetadata(), "step3", 3)
    (path,) = _event_files(tmp_path)
    events = list(event_file_loader.LegacyEventFileLoader(path).Load())
    assert all(isinstance(e, tb_event_pb2.Event) for e in events)
    assert [e.WhichOneof("what") for e in events] == [
        "file_version", "summary", "summary", "session_log", "tagged_run_metadata"]
    assert [(e.step, e.summary.value[0].simple_value) for e in events[1:3]] == [(1, 2.0), (2, 1.0)]
    assert events[4].tagged_run_metadata.tag == "step3"


def test_metadata_is_kept_only_on_a_tags_first_value(tmp_path):
    meta = pb.SummaryMetadata(display_name="shown")
    with FileWriter(str(tmp_path)) as writer:
        for step in range(3):
            writer.add_summary(pb.Summary(value=[
                pb.Summary.Value(tag="m", simple_value=step, metadata=meta)]), step)
    values = [e.summary.value[0] for e in _events(tmp_path)[1:]]
    assert [v.HasField("metadata") for v in values] == [True, False, False]


def test_run_metadata_tags_are_used_once(tmp_path):
    with FileWriter(str(tmp_path)) as writer:
        writer.add_run_metadata(pb.RunMetadata(), "t")
        with pytest.raises(ValueError, match="The provided tag was already used"):
            writer.add_run_metadata(pb.RunMetadata(), "t")


def test_closed_writer_warns_ignores_and_reopens(tmp_path):
    writer = FileWriter(str(tmp_path))
    writer.add_summary(_scalar("a", 1.0), 1)
    writer.close()
    writer.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        writer.add_summary(_scalar("a", 2.0), 2)
    assert "Attempting to use a closed FileWriter" in str(caught[0].message)
    writer.reopen()
    writer.add_summary(_scalar("a", 3.0), 3)
    writer.close()
    assert _scalars(tmp_path) == [(1, "a", 1.0), (3, "a", 3.0)]


def test_writers_colliding_on_a_file_name_lose_nothing(tmp_path, monkeypatch):
    """TF truncates a file whose name collides; tfcompat appends whole records instead."""
    monkeypatch.setattr(event_file_writer.time, "time", lambda: 1_700_000_000.25)
    first, second = FileWriter(str(tmp_path)), FileWriter(str(tmp_path))
    for step in range(20):
        first.add_summary(_scalar("first", step), step)
        second.add_summary(_scalar("second", step), step)
    first.close()
    second.close()
    assert len(_event_files(tmp_path)) == 1
    assert sorted(_scalars(tmp_path)) == sorted(
        [(s, "first", s) for s in range(20)] + [(s, "second", s) for s in range(20)])


def test_adding_does_not_wait_for_the_disk(tmp_path, monkeypatch):
    original = event_file_writer.EventsFile.write_serialized

    def slow_write(self, data):
        time.sleep(0.05)
        original(self, data)

    monkeypatch.setattr(event_file_writer.EventsFile, "write_serialized", slow_write)
    writer = FileWriter(str(tmp_path), max_queue=10)
    start = time.monotonic()
    for step in range(5):
        writer.add_summary(_scalar("x", step), step)
    assert time.monotonic() - start < 0.05
    writer.flush()
    assert len(_scalars(tmp_path)) == 5
    writer.close()


def test_events_are_flushed_every_flush_secs(tmp_path):
    writer = FileWriter(str(tmp_path), flush_secs=0.05)
    writer.add_summary(_scalar("x", 1.0), 1)
    deadline = time.monotonic() + 5
    while not (_event_files(tmp_path) and _scalars(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _scalars(tmp_path) == [(1, "x", 1.0)]
    writer.close()


def test_a_deleted_event_file_is_started_again(tmp_path):
    writer = FileWriter(str(tmp_path))
    writer.add_summary(_scalar("x", 1.0), 1)
    writer.flush()
    os.remove(_event_files(tmp_path)[0])
    writer.add_summary(_scalar("x", 2.0), 2)
    writer.close()
    events = _events(tmp_path)
    assert events[0].file_version == "brain.Event:2" and _scalars(tmp_path) == [(2, "x", 2.0)]


def test_unclosed_writers_are_written_at_interpreter_exit(tmp_path):
    script = (
        "import tfcompat.protobuf as pb\n"
        "from tfcompat.summary.writer import FileWriter\n"
        f"kept = FileWriter({str(tmp_path / 'kept')!r}, flush_secs=3600)\n"
        f"dropped = FileWriter({str(tmp_path / 'dropped')!r}, flush_secs=3600)\n"
        "for step in range(100):\n"
        "    s = pb.Summary(value=[pb.Summary.Value(tag='v', simple_value=step)])\n"
        "    kept.add_summary(s, step)\n"
        "    dropped.add_summary(s, step)\n"
        "del dropped\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO_ROOT, timeout=60)
    for run in ("kept", "dropped"):
        assert [step for step, _, _ in _scalars(tmp_path / run)] == list(range(100))


def test_graphs_are_written_for_tensorboards_graph_tab(tmp_path):
    graph = ops.Graph()
    with graph.as_default():
        constant([1.0, 2.0], name="c")
    with FileWriter(str(tmp_path), graph=graph) as writer:
        writer.add_graph(graph, global_step=7)
    kinds = [(e.WhichOneof("what"), e.step) for e in _events(tmp_path)]
    assert kinds == [("file_version", 0), ("graph_def", 0), ("meta_graph_def", 0),
                     ("graph_def", 7)]
    graph_def = tb_graph_pb2.GraphDef.FromString(_events(tmp_path)[1].graph_def)
    (node,) = graph_def.node
    assert (node.name, node.op) == ("c", "Const")
    assert node.attr["value"].tensor.tensor_content == b"\x00\x00\x80?\x00\x00\x00@"
    assert len(node.attr["_output_shapes"].list.shape[0].dim) == 1


def test_add_graph_errors(tmp_path):
    with FileWriter(str(tmp_path)) as writer:
        with pytest.raises(ValueError, match="Please pass only graph, or graph_def"):
            writer.add_graph(ops.Graph(), graph_def=pb.GraphDef())
        with pytest.raises(TypeError, match="must be an instance of `Graph`"):
            writer.add_graph("graph")
        with pytest.raises(TypeError, match="meta_graph_def must be type MetaGraphDef"):
            writer.add_meta_graph(pb.GraphDef())


def test_file_writer_cache_shares_one_writer_per_directory(tmp_path):
    writer = FileWriterCache.get(str(tmp_path))
    assert FileWriterCache.get(str(tmp_path)) is writer
    FileWriterCache.clear()
    assert writer.event_writer.closed
    assert FileWriterCache.get(str(tmp_path)) is not writer
    FileWriterCache.clear()
    gc.collect()
