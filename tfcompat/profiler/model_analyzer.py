"""``tf.profiler.profile`` and ``tf.profiler.write_op_log``: static FLOPs and parameter counts
of a graph, from its ops' shapes (no run metadata: times and memory are not profiled)."""

from __future__ import annotations

import os
import sys

import numpy as np

from tfcompat.framework.graph import get_default_graph
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.profiler import flops as flop_rules
from tfcompat.profiler import report, scope_view
from tfcompat.profiler.option_builder import ProfileOptionBuilder
from tfcompat.protobuf.tfprof_pb2 import GraphNodeProto, OpLogEntry, OpLogProto

TRAINABLE_VARIABLES_TYPE = "_trainable_variables"
_VARIABLE_OP_TYPES = frozenset({"Variable", "VariableV2", "VarHandleOp"})
# TF's `profile` default: the options of `trainable_variables_parameter()`.
_DEFAULT_PROFILE_OPTIONS = 0


def _shape_dims(shape) -> list[int] | None:
    if shape.rank is None:
        return None
    return [-1 if d is None else d for d in shape.as_list()]


def _variable_shape(op) -> list[int] | None:
    try:
        shape = op.get_attr("shape")
    except (ValueError, KeyError):
        shape = op.outputs[0].shape
    dims = _shape_dims(shape)
    return None if dims is None or -1 in dims else dims


def _graph_nodes(graph, op_log: OpLogProto | None) -> tuple[list[scope_view.ScopeNode], int]:
    """One node per op with its types, FLOPs and parameters; and how many ops have a FLOPs
    rule but incomplete shapes."""
    trainable = {v.op.name for v in graph.get_collection(GraphKeys.TRAINABLE_VARIABLES)}
    extra = {entry.name: entry for entry in op_log.log_entries} if op_log is not None else {}
    nodes, incomplete = [], 0
    for op in graph.get_operations():
        node = scope_view.ScopeNode(op.name, types={op.type}, is_op=True)
        count = flop_rules.float_ops(op)
        if count is None:
            incomplete += 1
        else:
            node.float_ops = count
        if op.type in _VARIABLE_OP_TYPES:
            node.shape = _variable_shape(op)
            if node.shape is not None:
                node.parameters = int(np.prod(node.shape, dtype=np.int64))
        if op.name in trainable:
            node.types.add(TRAINABLE_VARIABLES_TYPE)
        node.input_shapes = {i: _shape_dims(t.shape) for i, t in enumerate(op.inputs)}
        if op.name in extra:
            node.types.update(extra[op.name].types)
            if extra[op.name].float_ops:
                node.float_ops = extra[op.name].float_ops
        nodes.append(node)
    return nodes, incomplete


def _emit(text: str, output: str) -> None:
    kind, _, rest = output.partition(":")
    if kind == "none":
        return
    if kind == "stdout":
        # tfprof prints from C++, straight to the process's stdout (not to sys.stdout);
        # where there is no such file descriptor (some notebooks), sys.stdout stands in.
        sys.stdout.flush()
        try:
            os.write(sys.__stdout__.fileno(), text.encode())
        except (AttributeError, OSError, ValueError):
            sys.stdout.write(text)
        return
    if kind == "file":
        key, _, path = rest.partition("=")
        if key != "outfile" or not path:
            raise ValueError(f"Invalid output: {output!r}; expected 'file:outfile=<path>'.")
        with open(path, "w") as f:
            f.write(text)
        return
    raise ValueError(f"tf.profiler output {output!r} is not supported by tfcompat "
                     "(supported: 'stdout', 'none', 'file:outfile=<path>').")


def profile(graph=None, run_meta=None, op_log=None, cmd="scope",
            options=_DEFAULT_PROFILE_OPTIONS) -> GraphNodeProto:
    """Profile a graph's ops: statically counted float operations and variable parameters.

    Args:
      graph: the `tf.Graph` (default: the default graph).
      run_meta: not supported (tfcompat has no run-time statistics); must be None.
      op_log: optional `OpLogProto` adding op types (e.g. `_trainable_variables`) or FLOPs.
      cmd: the view; only `'scope'` (nodes organized by name scope) is supported.
      options: a dict from `ProfileOptionBuilder`; by default the options of
        `ProfileOptionBuilder.trainable_variables_parameter()`.

    Returns:
      A `GraphNodeProto` rooted at `_TFProfRoot` whose `children` are the shown nodes.
    """
    if options == _DEFAULT_PROFILE_OPTIONS:
        options = ProfileOptionBuilder.trainable_variables_parameter()
    if run_meta is not None:
        raise ValueError("tf.profiler.profile(run_meta=...) is not supported by tfcompat: "
                         "it has no run-time statistics to profile.")
    if cmd != "scope":
        raise ValueError(f"tf.profiler.profile(cmd={cmd!r}) is not supported by tfcompat "
                         "(only cmd='scope').")
    for key in ("start_name_regexes", "trim_name_regexes"):
        if list(options.get(key, [".*"] if key[0] == "s" else [])) not in ([".*"], []):
            raise ValueError(f"tf.profiler option {key!r} is not supported by tfcompat.")
    if not set(options.get("select", [])) <= report.SUPPORTED_SELECT:
        raise ValueError(f"tf.profiler select {options['select']!r} is not supported by "
                         "tfcompat (only 'params' and 'float_ops').")
    graph = graph if graph is not None else get_default_graph()
    nodes, incomplete = _graph_nodes(graph, op_log)
    if incomplete:
        sys.stderr.write(f"{incomplete} ops no flops stats due to incomplete shapes.\n")
    shown = scope_view.show_root(scope_view.build_tree(nodes), options)
    _emit(report.render(shown, options), options.get("output", "stdout"))
    return scope_view.to_proto(shown)


def write_op_log(graph, log_dir, op_log=None, run_meta=None, add_trainable_var=True) -> None:
    """Write the graph's op log (`OpLogProto`: FLOPs and `_trainable_variables` marks, merged
    with `op_log`) to `log_dir/tfprof_log`, for the profiler's command-line tools."""
    if run_meta is not None:
        raise ValueError("tf.profiler.write_op_log(run_meta=...) is not supported by tfcompat.")
    graph = graph if graph is not None else get_default_graph()
    merged = OpLogProto()
    entries: dict[str, OpLogEntry] = {}
    trainable = ({v.op.name for v in graph.get_collection(GraphKeys.TRAINABLE_VARIABLES)}
                 if add_trainable_var else set())
    for op in graph.get_operations():
        count = flop_rules.float_ops(op)
        if count or op.name in trainable:
            entry = entries.setdefault(op.name, merged.log_entries.add(name=op.name))
            if count:
                entry.float_ops = count
            if op.name in trainable:
                entry.types.append(TRAINABLE_VARIABLES_TYPE)
    for given in (op_log.log_entries if op_log is not None else []):
        entry = entries.get(given.name)
        if entry is None:
            entry = entries.setdefault(given.name, merged.log_entries.add(name=given.name))
        if given.float_ops:
            entry.float_ops = given.float_ops
        entry.types.extend(t for t in given.types if t not in entry.types)
    os.makedirs(log_dir, exist_ok=True)
    with open(os.path.join(log_dir, "tfprof_log"), "wb") as f:
        f.write(merged.SerializeToString())
