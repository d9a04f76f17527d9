"""The ``checkpoint`` state file of a directory and the functions that find checkpoints.

The file is a ``CheckpointState`` in protobuf text format::

    model_checkpoint_path: "model-7"
    all_model_checkpoint_paths: "model-6"
    all_model_checkpoint_paths: "model-7"

Paths are stored relative to the directory when the directory is given as a relative path (or
``save_relative_paths`` asks for it) and are joined back onto the directory when read.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Sequence

from tfcompat.platform import tf_logging as logging
from tfcompat.protobuf.checkpoint_state_pb2 import CheckpointState
from tfcompat.protobuf.text_format import message_to_string
from tfcompat.training.checkpoint import atomic, bundle

DEFAULT_STATE_FILENAME = "checkpoint"


# ---- text format -----------------------------------------------------------------------------

class ParseError(ValueError):
    """The state file is not a CheckpointState in text format."""


_TOKEN = re.compile(r"""\s*(?:
    (?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*
    | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<number>[-+]?(?:inf|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)[fF]?)
    | (?P<comment>\#[^\n]*)
    )""", re.VERBOSE)

_SIMPLE_ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "a": b"\a", "b": b"\b", "f": b"\f",
                   "v": b"\v", "\\": b"\\", "'": b"'", '"': b'"', "?": b"?"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)", re.DOTALL)


def _unquote(literal: str) -> bytes:
    def replace(match: re.Match) -> str:
        code = match.group(1)
        if code[0] == "x":
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8) & 0xFF)
        if code in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[code].decode()
        raise ParseError(f"Invalid escape sequence \\{code}")
    # Work on latin-1 text so every code point is one byte; non-ASCII input is UTF-8 already.
    body = literal[1:-1].encode("utf-8").decode("latin-1")
    return _ESCAPE.sub(replace, body).encode("latin-1")


def parse_checkpoint_state(text: str) -> CheckpointState:
    """A CheckpointState from its text format (``name: value`` pairs, adjacent strings joined)."""
    state = CheckpointState()
    pos = 0
    field = None
    value: list = []

    def flush():
        if field is None:
            return
        if not value:
            raise ParseError(f"Expected a value for field {field!r}")
        if field in ("model_checkpoint_path", "all_model_checkpoint_paths"):
            if not all(isinstance(v, bytes) for v in value):
                raise ParseError(f"Expected a string for field {field!r}")
            text_value = b"".join(value).decode("utf-8")
            if field == "model_checkpoint_path":
                state.model_checkpoint_path = text_value
            else:
                state.all_model_checkpoint_paths.append(text_value)
        else:
            if len(value) != 1 or isinstance(value[0], bytes):
                raise ParseError(f"Expected a number for field {field!r}")
            if field == "last_preserved_timestamp":
                state.last_preserved_timestamp = value[0]
            else:
                state.all_model_checkpoint_timestamps.append(value[0])

    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            if text[pos:].strip():
                raise ParseError(f"Unexpected text at offset {pos}: {text[pos:pos + 20]!r}")
            break
        pos = match.end()
        if match.group("name"):
            flush()
            field = match.group("name")
            if field not in CheckpointState._fields_by_name:
                raise ParseError(f'Message type "tensorflow.CheckpointState" has no field named '
                                 f'"{field}".')
            value = []
        elif match.group("string"):
            if field is None:
                raise ParseError("Expected a field name")
            value.append(_unquote(match.group("string")))
        elif match.group("number"):
            if field is None:
                raise ParseError("Expected a field name")
            value.append(float(match.group("number").rstrip("fF")))
    flush()
    return state


# ---- reading and writing the state file ------------------------------------------------------

def _state_path(directory: str, latest_filename: str | None) -> str:
    return os.path.join(directory, latest_filename or DEFAULT_STATE_FILENAME)


def get_checkpoint_state(checkpoint_dir, latest_filename=None) -> CheckpointState | None:
    """The CheckpointState in ``checkpoint_dir`` (paths joined onto the directory), or None.

    ``tf.train.get_checkpoint_state``: None when the file is missing or unreadable; ValueError
    when it names no model checkpoint.
    """
    checkpoint_dir = os.fspath(checkpoint_dir)
    path = _state_path(checkpoint_dir, latest_filename)
    try:
        with open(path, encoding="utf-8") as f:
            state = parse_checkpoint_state(f.read())
    except FileNotFoundError:
        return None
    except (OSError, ParseError, UnicodeDecodeError) as e:
        logging.warning("%s: Checkpoint ignored", path)
        logging.warning("%s", e)
        return None
    if not state.model_checkpoint_path:
        raise ValueError("Invalid checkpoint state loaded from " + checkpoint_dir)
    if not os.path.isabs(state.model_checkpoint_path):
        state.model_checkpoint_path = os.path.join(checkpoint_dir, state.model_checkpoint_path)
    paths = state.all_model_checkpoint_paths
    for i, p in enumerate(paths):
        if not os.path.isabs(p):
            paths[i] = os.path.join(checkpoint_dir, p)
    return state


def _relative_to(path: str, directory: str) -> str:
    return os.path.relpath(path, directory or os.curdir)


def generate_checkpoint_state_proto(save_dir, model_checkpoint_path,
                                    all_model_checkpoint_paths=None,
                                    all_model_checkpoint_timestamps=None,
                                    last_preserved_timestamp=None) -> CheckpointState:
    """The CheckpointState to write into ``save_dir``.

    ``model_checkpoint_path`` is appended to the list when it is not its last entry. Under a
    relative ``save_dir``, relative paths are stored relative to it.
    """
    paths = list(all_model_checkpoint_paths or [])
    if not paths or paths[-1] != model_checkpoint_path:
        paths.append(model_checkpoint_path)
    if all_model_checkpoint_timestamps and len(all_model_checkpoint_timestamps) != len(paths):
        raise ValueError(f"Checkpoint timestamps, if provided, must match checkpoint paths (got "
                         f"paths {paths} and timestamps {all_model_checkpoint_timestamps})")
    if not os.path.isabs(save_dir):
        if not os.path.isabs(model_checkpoint_path):
            model_checkpoint_path = _relative_to(model_checkpoint_path, save_dir)
        paths = [p if os.path.isabs(p) else _relative_to(p, save_dir) for p in paths]
    return CheckpointState(model_checkpoint_path=model_checkpoint_path,
                           all_model_checkpoint_paths=paths,
                           all_model_checkpoint_timestamps=all_model_checkpoint_timestamps,
                           last_preserved_timestamp=last_preserved_timestamp)


def update_checkpoint_state(save_dir, model_checkpoint_path, all_model_checkpoint_paths=None,
                            latest_filename=None, all_model_checkpoint_timestamps=None,
                            last_preserved_timestamp=None) -> None:
    """Writes the ``checkpoint`` state file of ``save_dir`` (``tf.train.update_checkpoint_state``).
    """
    update_checkpoint_state_internal(save_dir, model_checkpoint_path, all_model_checkpoint_paths,
                                     latest_filename, all_model_checkpoint_timestamps,
                                     last_preserved_timestamp)


def update_checkpoint_state_internal(save_dir, model_checkpoint_path,
                                     all_model_checkpoint_paths=None, latest_filename=None,
                                     all_model_checkpoint_timestamps=None,
                                     last_preserved_timestamp=None,
                                     save_relative_paths=False) -> None:
    """``update_checkpoint_state``; with ``save_relative_paths`` (a Saver option) absolute paths
    are stored relative to ``save_dir`` too."""
    save_dir = os.fspath(save_dir)
    model_checkpoint_path = os.fspath(model_checkpoint_path)
    paths = list(all_model_checkpoint_paths or [])
    if save_relative_paths:
        if os.path.isabs(model_checkpoint_path):
            model_checkpoint_path = _relative_to(model_checkpoint_path, save_dir)
        paths = [_relative_to(p, save_dir) if os.path.isabs(p) else p for p in paths]
    state = generate_checkpoint_state_proto(save_dir, model_checkpoint_path, paths,
                                            all_model_checkpoint_timestamps,
                                            last_preserved_timestamp)
    path = _state_path(save_dir, latest_filename)
    if path == state.model_checkpoint_path:
        raise RuntimeError(f"Save path '{model_checkpoint_path}' conflicts with path used for "
                           "checkpoint state.  Please use a different save path.")
    atomic.write_atomically(path, message_to_string(state, python_style=True).encode("utf-8"))


# ---- finding checkpoints ---------------------------------------------------------------------

def checkpoint_exists(checkpoint_prefix) -> bool:
    """Whether files of checkpoint ``checkpoint_prefix`` (a glob pattern) exist
    (``tf.train.checkpoint_exists``): its ``.index`` file, or a file at the prefix itself."""
    checkpoint_prefix = os.fspath(checkpoint_prefix)
    return bool(glob.glob(bundle.index_filename(checkpoint_prefix))
                or glob.glob(checkpoint_prefix))


def latest_checkpoint(checkpoint_dir, latest_filename=None) -> str | None:
    """The prefix of the newest checkpoint in ``checkpoint_dir``, or None when there is none
    (``tf.train.latest_checkpoint``)."""
    state = get_checkpoint_state(checkpoint_dir, latest_filename)
    if state is None or not state.model_checkpoint_path:
        return None
    path = state.model_checkpoint_path
    if checkpoint_exists(path):
        return path
    logging.error("Couldn't match files for checkpoint %s", path)
    return None


def get_checkpoint_mtimes(checkpoint_prefixes: Sequence[str]) -> list[float]:
    """The modification times of the checkpoints that exist (``tf.train.get_checkpoint_mtimes``).
    """
    mtimes = []
    for prefix in checkpoint_prefixes:
        for pattern in (bundle.index_filename(prefix), prefix):
            found = glob.glob(pattern)
            if found:
                mtimes.append(os.stat(found[0]).st_mtime)
                break
    return mtimes


def meta_graph_filename(checkpoint_filename: str, meta_graph_suffix: str = "meta") -> str:
    """``model-7.meta`` for checkpoint ``model-7`` (a sharded ``-?????-of-?????`` suffix dropped).
    """
    base = re.sub(r"-[\d\?]+-of-\d+$", "", checkpoint_filename)
    return f"{base}.{meta_graph_suffix}"


def remove_checkpoint(checkpoint_prefix: str, meta_graph_suffix: str = "meta") -> None:
    """Deletes the files of checkpoint ``checkpoint_prefix``: index, data shards and meta graph.
    """
    patterns = [bundle.index_filename(checkpoint_prefix),
                f"{checkpoint_prefix}.data-?????-of-?????",
                meta_graph_filename(checkpoint_prefix, meta_graph_suffix)]
    for pattern in patterns:
        for path in glob.glob(pattern):
            try:
                os.remove(path)
            except OSError as e:
                logging.warning("Ignoring: %s", e)
