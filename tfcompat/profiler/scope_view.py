"""The profiler's scope view: graph ops arranged by name like a file system, filtered and
totalled by the profile options, as ``GraphNodeProto`` trees.

Every op is a node; every name prefix that is not itself an op (a bare name scope) becomes a
node too, so an op is the child of its nearest ancestor name, op or scope. A node is shown when
it passes the ``min_*`` thresholds on its own statistics, its name passes the show/hide
regexes, it is within ``max_depth``, and it is accounted (an op type matches
``account_type_regexes``) or has a shown descendant. Hidden nodes' shown descendants move up
to the nearest shown ancestor.
"""

from __future__ import annotations

import dataclasses
import re

from tfcompat.protobuf.tfprof_pb2 import GraphNodeProto

ROOT_NAME = "_TFProfRoot"


@dataclasses.dataclass
class ScopeNode:
    name: str
    types: set[str] = dataclasses.field(default_factory=set)
    float_ops: int = 0
    parameters: int = 0
    shape: list[int] | None = None  # a variable's shape, for the parameters report
    input_shapes: dict[int, list[int] | None] = dataclasses.field(default_factory=dict)
    is_op: bool = False
    children: dict[str, ScopeNode] = dataclasses.field(default_factory=dict)


def build_tree(nodes: list[ScopeNode]) -> ScopeNode:
    """Arrange op nodes under their nearest ancestor names, creating bare scope nodes."""
    by_name: dict[str, ScopeNode] = {node.name: node for node in nodes}
    root = ScopeNode(ROOT_NAME)
    for name in sorted(by_name):
        parts = name.split("/")
        for depth in range(1, len(parts)):
            prefix = "/".join(parts[:depth])
            by_name.setdefault(prefix, ScopeNode(prefix))
    for name in sorted(by_name):
        parent_name = name.rsplit("/", 1)[0] if "/" in name else None
        parent = by_name[parent_name] if parent_name is not None else root
        parent.children[name] = by_name[name]
    return root


@dataclasses.dataclass
class _Shown:
    node: ScopeNode
    children: list[_Shown]
    total_float_ops: int
    total_parameters: int
    accounted: bool


def _full_match_any(regexes: list[str], name: str) -> bool:
    return any(re.fullmatch(regex, name) for regex in regexes)


class _Filter:
    def __init__(self, options: dict) -> None:
        self.options = options
        self.account_regexes = list(options.get("account_type_regexes", [".*"]))

    def accounted(self, node: ScopeNode) -> bool:
        if node.name == ROOT_NAME:
            return False
        # A bare name scope has the empty type, which only a catch-all regex accounts.
        types = node.types if node.is_op else {""}
        return any(_full_match_any(self.account_regexes, t) for t in types)

    def passes(self, node: ScopeNode, depth: int) -> bool:
        opts = self.options
        if depth >= opts.get("max_depth", 100):
            return False
        # Without run metadata every byte, time and occurrence statistic is 0.
        if any(opts.get(key, 0) > 0 for key in (
                "min_bytes", "min_peak_bytes", "min_residual_bytes", "min_output_bytes",
                "min_micros", "min_accelerator_micros", "min_cpu_micros", "min_occurrence")):
            return False
        if node.float_ops < opts.get("min_float_ops", 0):
            return False
        if node.parameters < opts.get("min_params", 0):
            return False
        if not _full_match_any(opts.get("show_name_regexes", [".*"]), node.name):
            return False
        return not _full_match_any(opts.get("hide_name_regexes", []), node.name)


def _sort_key(order_by: str):
    if order_by == "float_ops":
        return lambda s: (-s.total_float_ops, s.node.name)
    if order_by == "params":
        return lambda s: (-s.total_parameters, s.node.name)
    return lambda s: s.node.name


def _shown_node(node: ScopeNode, children: list[_Shown], accounted: bool, all_flops: int,
                all_params: int, flt: _Filter) -> _Shown:
    children.sort(key=_sort_key(flt.options.get("order_by", "name")))
    if flt.options.get("account_displayed_op_only", False):
        own = 1 if accounted else 0
        all_flops = own * node.float_ops + sum(c.total_float_ops for c in children)
        all_params = own * node.parameters + sum(c.total_parameters for c in children)
    return _Shown(node, children, all_flops, all_params, accounted)


def _show(node: ScopeNode, depth: int, flt: _Filter) -> tuple[list[_Shown], int, int]:
    """Shown nodes standing for `node`'s subtree, and the subtree's accounted totals
    (float ops, parameters), shown or not."""
    shown_children: list[_Shown] = []
    all_flops = all_params = 0
    for child in node.children.values():
        shown, flops, params = _show(child, depth + 1, flt)
        shown_children.extend(shown)
        all_flops, all_params = all_flops + flops, all_params + params
    accounted = flt.accounted(node)
    if accounted:
        all_flops += node.float_ops
        all_params += node.parameters
    if node.name != ROOT_NAME and not (
            flt.passes(node, depth) and (accounted or shown_children)):
        return shown_children, all_flops, all_params
    shown = _shown_node(node, shown_children, accounted, all_flops, all_params, flt)
    return [shown], all_flops, all_params


def show_root(root: ScopeNode, options: dict) -> _Shown:
    """The shown tree under the root (which is always shown)."""
    return _show(root, 0, _Filter(options))[0][0]


def to_proto(shown: _Shown) -> GraphNodeProto:
    node = shown.node
    proto = GraphNodeProto(
        name=node.name,
        float_ops=node.float_ops,
        parameters=node.parameters,
        total_float_ops=shown.total_float_ops,
        total_parameters=shown.total_parameters,
    )
    for index, dims in sorted(node.input_shapes.items()):
        shape = proto.input_shapes[index]
        if dims is None:
            shape.unknown_rank = True
        else:
            for size in dims:
                shape.dim.add(size=size)
    for child in shown.children:
        proto.children.append(to_proto(child))
    return proto
