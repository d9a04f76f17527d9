"""Runs a TF1 script and records what it computes, for ``python -m tfcompat diff``.

    PYTHON diff_recorder.py --backend {tensorflow,tfcompat} --out EVENTS.jsonl SCRIPT [ARGS...]

Run by path under TensorFlow's interpreter, and as ``python -m tfcompat diff_recorder.py ...``
for tfcompat, so that in both runs ``import tensorflow`` means what it means to the script; it
imports nothing from tfcompat itself. It records, in order, every chunk the script prints and
every ``Session.run``: each fetch's name, the type of the op that produced it, and the value's
dtype, shape and contents, plus the line of the script that called ``run``. An uncaught
exception ends the record with its class and first line. Events are JSON lines. With
``TFCOMPAT_DIFF_TRACE_RUN=K`` the K-th run also fetches every tensor its fetches depend on (in
the same run, so nothing extra executes), for ``diff`` to find the first op whose output
differs.
"""

from __future__ import annotations

import io
import json
import math
import os
import runpy
import sys
import traceback

_events: list[dict] = []
_script_path = ""


def _leaves(structure):
    """Flattens lists, tuples, dicts (sorted keys, as TF does) and namedtuples."""
    if isinstance(structure, dict):
        for key in sorted(structure, key=repr):
            yield from _leaves(structure[key])
    elif isinstance(structure, (list, tuple)):
        for item in structure:
            yield from _leaves(item)
    else:
        yield structure


def _number(value):
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # JSON has no nan/inf; "nan", "inf", "-inf"
    return value


def _describe_value(value) -> dict:
    import numpy as np

    if value is None:
        return {"kind": "none"}
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):  # e.g. a SparseTensorValue
        return {"kind": "repr", "value": repr(value)}
    record = {"kind": "array", "dtype": str(array.dtype), "shape": list(array.shape)}
    if array.dtype.kind in "SUO":
        record["value"] = [v.decode("utf-8", "replace") if isinstance(v, bytes) else repr(v)
                           for v in array.reshape(-1).tolist()]
    elif array.dtype.kind == "c":
        record["value"] = [[_number(v.real), _number(v.imag)] for v in array.reshape(-1).tolist()]
    else:
        record["value"] = [_number(v) for v in array.astype(
            np.float64 if array.dtype.kind == "f" else array.dtype).reshape(-1).tolist()]
    if not np.isscalar(value) and not isinstance(value, np.ndarray) and \
            type(value).__module__ != "numpy":
        record["python_type"] = type(value).__name__  # e.g. a SparseTensorValue
    return record


def _describe_fetch(fetch) -> dict:
    name = getattr(fetch, "name", None)
    op = getattr(fetch, "op", None)
    if op is None and hasattr(fetch, "type") and hasattr(fetch, "node_def"):
        op = fetch  # an Operation
    return {"name": name if isinstance(name, str) else repr(fetch),
            "op": getattr(op, "name", None), "op_type": getattr(op, "type", None)}


def _caller_line() -> int | None:
    frame = sys._getframe(1)
    while frame is not None:
        if os.path.abspath(frame.f_code.co_filename) == _script_path:
            return frame.f_lineno
        frame = frame.f_back
    return None


class _Tee(io.TextIOBase):
    """Records everything printed (the script's output is the diff's, not the console's)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            if _events and _events[-1]["event"] == "print":
                _events[-1]["text"] += text
            else:
                _events.append({"event": "print", "text": text})
        return len(text)


# Op types whose outputs cannot be fetched on their own (loop frames, dead cond branches).
_UNTRACEABLE = frozenset({"Enter", "RefEnter", "Exit", "RefExit", "NextIteration",
                          "RefNextIteration", "LoopCond", "Switch", "RefSwitch", "Merge",
                          "RefMerge", "ControlTrigger", "NoOp"})


def _ancestry(graph, fetches) -> list:
    """The tensors the fetches depend on, inputs before the ops consuming them."""
    roots = []
    for fetch in _leaves(fetches):
        try:
            element = graph.as_graph_element(fetch)
        except (TypeError, ValueError, KeyError):
            element = getattr(fetch, "op", None)
        op = getattr(element, "op", element)
        if op is not None and hasattr(op, "inputs"):
            roots.append(op)
    order, seen = [], set()
    for root in roots:
        stack = [(root, False)]
        while stack:
            op, expanded = stack.pop()
            if expanded:
                order.append(op)
                continue
            if op.name in seen:
                continue
            seen.add(op.name)
            stack.append((op, True))
            for parent in [t.op for t in op.inputs] + list(op.control_inputs):
                if parent.name not in seen:
                    stack.append((parent, False))
    return [t for op in order if op.type not in _UNTRACEABLE for t in op.outputs
            if t.dtype.base_dtype.name not in ("resource", "variant")]


def _traced_run(original, session, fetches, args, kwargs):
    """Runs ``fetches`` with every tensor they depend on, in the same single run."""
    tensors = _ancestry(session.graph, fetches)
    try:
        result, values = original(session, [fetches, tensors], *args, **kwargs)
    except Exception as error:  # e.g. a tensor TF refuses to fetch
        _events.append({"event": "trace", "error": f"{type(error).__name__}: "
                                                   f"{str(error).splitlines()[0]}"})
        return original(session, fetches, *args, **kwargs)
    _events.append({"event": "trace", "tensors": [
        {"name": t.name, "op": t.op.name, "op_type": t.op.type,
         "inputs": [i.name for i in t.op.inputs], **_describe_value(v)}
        for t, v in zip(tensors, values)]})
    return result


def _patch_session_run(session_classes, trace_run: int) -> None:
    patched = set()
    depth = [0]
    runs = [0]
    for cls in session_classes:
        owner = next(c for c in cls.__mro__ if "run" in vars(c))
        if owner in patched:
            continue
        patched.add(owner)
        original = owner.run

        def run(self, fetches, *args, _original=original, **kwargs):
            depth[0] += 1
            if depth[0] == 1:
                runs[0] += 1
            try:
                if depth[0] == 1 and runs[0] == trace_run:
                    result = _traced_run(_original, self, fetches, args, kwargs)
                else:
                    result = _original(self, fetches, *args, **kwargs)
            finally:
                depth[0] -= 1
            if depth[0] == 0:
                fetched = list(_leaves(fetches))
                values = list(_leaves(result)) if len(fetched) != 1 or \
                    isinstance(fetches, (list, tuple, dict)) else [result]
                if len(values) != len(fetched):  # a structure we do not flatten alike
                    values = [result]
                    fetched = [fetches]
                _events.append({"event": "run", "line": _caller_line(), "fetches": [
                    {**_describe_fetch(f), **_describe_value(v)}
                    for f, v in zip(fetched, values)]})
            return result

        owner.run = run


def main(argv: list[str]) -> int:
    global _script_path
    backend, out, script, script_args = argv[1], argv[3], argv[4], argv[5:]
    assert argv[0] == "--backend" and argv[2] == "--out", argv
    import tensorflow as tf  # tfcompat when run as `python -m tfcompat diff_recorder.py`

    v1 = tf.compat.v1
    if backend == "tensorflow" and hasattr(v1, "disable_v2_behavior"):
        v1.disable_v2_behavior()
        # A TF1 script's `import tensorflow as tf` means the TF1 API: serve tf.compat.v1.
        sys.modules["tensorflow"] = v1
    _patch_session_run([v1.Session, v1.InteractiveSession],
                       int(os.environ.get("TFCOMPAT_DIFF_TRACE_RUN", "0")))
    _events.append({"event": "start", "backend": backend,
                    "version": getattr(tf, "__version__", "?")})
    _script_path = os.path.abspath(script)
    sys.argv = [script, *script_args]
    sys.path[0] = os.path.dirname(_script_path)
    real_stdout = sys.stdout
    sys.stdout = _Tee()
    status = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException as error:  # recorded: the other backend may raise the same
        message = str(error).split("\n", 1)[0]
        _events.append({"event": "error", "type": type(error).__name__, "message": message,
                        "line": next((line for frame, line in traceback.walk_tb(
                            error.__traceback__)
                            if os.path.abspath(frame.f_code.co_filename) == _script_path),
                            None)})
    finally:
        sys.stdout = real_stdout
    _events.append({"event": "exit", "status": status})
    with open(out, "w", encoding="utf-8") as f:
        for event in _events:
            f.write(json.dumps(event) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
