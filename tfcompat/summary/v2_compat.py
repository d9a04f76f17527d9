"""The TF1 entry points of TF2-style summaries: ``tf.summary.all_v2_summary_ops`` and
``tf.summary.initialize``.

tfcompat has no TF2 summary writers (``tf.summary.create_file_writer`` and the v2 ops writing
through it), so a graph holds no v2 summary ops and no default v2 writer is ever installed: these
functions behave as TF's do in that state."""

from __future__ import annotations

from tfcompat.framework import ops

# TF's collection of v2 summary ops (``ops.GraphKeys._SUMMARY_COLLECTION``).
SUMMARY_V2_COLLECTION = "_SUMMARY_V2"


def all_v2_summary_ops() -> list:
    """The v2-style summary ops of the default graph (TF1 ``tf.summary`` ops are not
    included)."""
    return ops.get_default_graph().get_collection(SUMMARY_V2_COLLECTION)


def initialize(graph=None, session=None) -> None:
    """Initializes the default v2 summary writer for graph execution; raises RuntimeError when
    the thread has no default writer — always, in tfcompat (see the module doc)."""
    del graph, session
    raise RuntimeError("No default tf.contrib.summary.SummaryWriter found")
