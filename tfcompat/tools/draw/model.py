"""What a graph picture shows: the ops chosen, their scopes, and the gradient marks on them.

The model is independent of geometry: ``layout`` places it and ``svg``/``dot`` write it. An op is
a node of the scope its name lies in (``dense/MatMul`` in ``dense``); an op whose own name is also
a scope (the variable ``w`` beside ``w/read``, ``w/Assign``) heads that scope's box, as in
TensorBoard. A collapsed scope is one node standing for all the ops inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tfcompat.framework.ops import Graph, Operation, Tensor
from tfcompat.ops.gradient_explain import explain_gradient

VARIABLE_TYPES = frozenset({"VariableV2", "Variable", "VarHandleOp"})
PLACEHOLDER_TYPES = frozenset({"Placeholder", "PlaceholderWithDefault"})
CONST_TYPES = frozenset({"Const"})
_GRADIENT_SCOPE = re.compile(r"^gradients(_\d+)?$")
# Initializer subgraphs are boilerplate in a teaching picture: shown as one node unless asked.
DEFAULT_COLLAPSED_LEAVES = ("Initializer",)


@dataclass
class Node:
    """One box of the picture: an op, or a collapsed scope standing for several ops."""

    key: str
    label: str
    kind: str  # "op", "variable", "placeholder", "const", "gradient" or "scope"
    subtitle: str  # the op type, or "N ops" for a collapsed scope
    scope: tuple[str, ...]  # the scope box the node sits in
    tooltip: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # reasons, shown red
    # "x", "y", "grad"; "none" (an x getting no gradient), "unconnected" (no path at all)
    roles: set[str] = field(default_factory=set)

    @property
    def badge(self) -> str:
        """The pill drawn above the node: its part in the tf.gradients calls drawn."""
        words = []
        if "x" in self.roles:
            words.append("in xs: unconnected" if "unconnected" in self.roles else
                         "in xs: all paths blocked" if "none" in self.roles else "in xs")
        words += [word for role, word in (("y", "in ys"), ("grad", "gradient"))
                  if role in self.roles]
        return ", ".join(words)


@dataclass
class Edge:
    """A data (or control) dependency between two drawn nodes."""

    src: str
    dst: str
    control: bool = False
    state: str = ""  # "", "open" (the gradient flows here) or "blocked"
    tooltip: list[str] = field(default_factory=list)


@dataclass
class Scope:
    """An expanded name scope: a box holding nodes and smaller boxes."""

    path: tuple[str, ...]
    nodes: list[str] = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)


@dataclass
class GradientQuery:
    """One ``tf.gradients(ys, xs, stop_gradients=...)`` call whose blocked paths are marked."""

    ys: Sequence
    xs: Sequence
    stop_gradients: Sequence = ()
    grads: Sequence = ()


@dataclass
class PictureModel:
    nodes: dict[str, Node]
    edges: list[Edge]
    root: Scope
    title: str = ""
    legend: set[str] = field(default_factory=set)


def as_tensor(value) -> Tensor:
    """A Tensor for a Tensor, a tf.Variable (its ref) or an Operation (its first output)."""
    if isinstance(value, Tensor):
        return value
    if isinstance(value, Operation):
        if not value.outputs:
            raise TypeError(f"op {value.name} has no outputs to draw a path from")
        return value.outputs[0]
    ref = getattr(value, "_ref", None)
    if ref is not None:
        return ref()
    raise TypeError(f"cannot draw {value!r}: expected a Tensor, Variable or Operation")


def as_op(value) -> Operation:
    return value if isinstance(value, Operation) else as_tensor(value).op


def ancestors(roots: Iterable[Operation]) -> list[Operation]:
    """The ops ``roots`` depend on (data and control inputs), including themselves."""
    seen: dict[Operation, None] = {}
    stack = list(roots)
    while stack:
        op = stack.pop()
        if op in seen:
            continue
        seen[op] = None
        stack.extend(t.op for t in op.inputs)
        stack.extend(op.control_inputs)
    return list(seen)


def _scope_of(name: str, scope_names: set[str]) -> tuple[str, ...]:
    parts = tuple(name.split("/"))
    return parts if name in scope_names else parts[:-1]


def _tensor_line(tensor: Tensor) -> str:
    shape = tensor.shape
    dims = "<unknown>" if shape.ndims is None else str(tuple(
        "?" if d is None else d for d in shape.as_list()))
    return f"{tensor.name}: {tensor.dtype.name} {dims}"


def _kind(op: Operation) -> str:
    if op.type in VARIABLE_TYPES:
        return "variable"
    if op.type in PLACEHOLDER_TYPES:
        return "placeholder"
    if _GRADIENT_SCOPE.match(op.name.split("/")[0]) and "/" in op.name:
        return "gradient"
    if op.type in CONST_TYPES:
        return "const"
    return "op"


class _Marks:
    """Per-op and per-edge gradient marks gathered from explain_gradient."""

    def __init__(self):
        self.blocked: dict[str, list[str]] = {}
        self.roles: dict[str, set[str]] = {}
        self.notes: dict[str, list[str]] = {}
        self.edge_state: dict[tuple[str, str], str] = {}
        self.gradient_ops: set[Operation] = set()
        self.extra_ops: list[Operation] = []

    def add_query(self, query: GradientQuery) -> None:
        ys = [as_tensor(y) for y in query.ys]
        stops = [as_tensor(s) for s in query.stop_gradients]
        for y in ys:
            self.roles.setdefault(y.op.name, set()).add("y")
        for x_value in query.xs:
            x = as_tensor(x_value)
            name = x.op.name
            self.roles.setdefault(name, set()).add("x")
            self.extra_ops.append(x.op)
            explanation = explain_gradient(ys, x, stop_gradients=stops, print_result=False)
            if not explanation.paths:
                self.roles[name].add("unconnected")
                self.notes.setdefault(name, []).append(
                    "no gradient (None): no path from here to any y")
            if not explanation.has_gradient:
                self.roles[name].add("none")
            if explanation.paths and not explanation.has_gradient:
                self.notes.setdefault(name, []).append(
                    "no gradient (None): every path to the ys is blocked")
            for path in explanation.paths:
                self._add_path(path)
        forward = set(ancestors(y.op for y in ys)) | set(ancestors(s.op for s in stops))
        grads = [as_tensor(g) for g in query.grads if g is not None]
        self.gradient_ops |= set(ancestors(g.op for g in grads)) - forward
        for g, x_value in zip(query.grads, query.xs):
            if g is not None:
                grad = as_tensor(g)
                self.roles.setdefault(grad.op.name, set()).add("grad")
                self.notes.setdefault(grad.op.name, []).append(
                    f"gradient for {as_tensor(x_value).op.name}")

    def _add_path(self, path) -> None:
        names = path.op_names
        edges = list(zip(names, names[1:]))
        blocked_edges = set()
        for blocker in path.blockers:
            self.blocked.setdefault(blocker.op_name, [])
            if blocker.reason not in self.blocked[blocker.op_name]:
                self.blocked[blocker.op_name].append(blocker.reason)
            for src, dst in edges:
                # An integer output blocks the edge leaving its op; anything else the edge
                # entering the blocking op.
                if (src == blocker.op_name and blocker.reason.startswith("its output")) or \
                        (dst == blocker.op_name and not blocker.reason.startswith("its output")):
                    blocked_edges.add((src, dst))
        for edge in edges:
            if edge in blocked_edges:
                self.edge_state[edge] = "blocked"
            elif path.open:
                self.edge_state.setdefault(edge, "open")


def _outer_collapsed(path: tuple[str, ...], collapsed: set[tuple[str, ...]]):
    return next((path[:i] for i in range(1, len(path) + 1) if path[:i] in collapsed), None)


def _units(placements: Sequence[tuple[str, ...]], collapsed: set[tuple[str, ...]]
           ) -> dict[object, tuple[str, ...]]:
    """The drawn nodes: each op index or collapsed scope, mapped to the scope it sits in."""
    units: dict[object, tuple[str, ...]] = {}
    for i, path in enumerate(placements):
        outer = _outer_collapsed(path, collapsed)
        if outer is None:
            units[i] = path
        else:
            units[outer] = outer[:-1]
    return units


def _collapse(placements: Sequence[tuple[str, ...]], max_nodes: int,
              collapsed: set[tuple[str, ...]], expanded: set[tuple[str, ...]]) -> None:
    """Collapses innermost scopes, largest first, until at most ``max_nodes`` nodes remain."""
    while True:
        units = _units(placements, collapsed)
        if len(units) <= max_nodes:
            return
        sizes: dict[tuple[str, ...], int] = {}  # drawn nodes inside each open scope
        for where in units.values():
            for i in range(1, len(where) + 1):
                sizes[where[:i]] = sizes.get(where[:i], 0) + 1
        candidates = [p for p, n in sizes.items() if n > 1 and p not in expanded]
        innermost = [p for p in candidates if not any(
            len(q) > len(p) and q[:len(p)] == p for q in candidates)]
        if not innermost:
            return
        collapsed.add(max(innermost, key=lambda p: (sizes[p], len(p))))


def build_model(graph: Graph, ops: Sequence[Operation], queries: Sequence[GradientQuery] = (),
                max_nodes: int = 60, collapse: Iterable[str] = (),
                expand: Iterable[str] = (), title: str = "") -> PictureModel:
    """The picture of ``ops`` of ``graph`` with every query's gradient paths marked."""
    marks = _Marks()
    for query in queries:
        marks.add_query(query)
    chosen = dict.fromkeys([*ops, *marks.extra_ops, *marks.gradient_ops])
    chosen_ops = [op for op in graph.get_operations() if op in chosen]
    scope_names = {"/".join(op.name.split("/")[:i]) for op in chosen_ops
                   for i in range(1, op.name.count("/") + 1)}
    placement = {op.name: _scope_of(op.name, scope_names) for op in chosen_ops}

    all_scopes = {path[:i] for path in placement.values() for i in range(1, len(path) + 1)}
    expanded = {tuple(s.split("/")) for s in expand}
    forced = set(collapse)
    collapsed = {p for p in all_scopes if p not in expanded and (
        p[-1] in DEFAULT_COLLAPSED_LEAVES or "/".join(p) in forced)}
    _collapse(list(placement.values()), max_nodes, collapsed, expanded)

    def unit_of(op_name: str) -> tuple[str, tuple[str, ...]]:
        """(node key, scope the node sits in) for an op after collapsing."""
        path = placement[op_name]
        for i in range(1, len(path) + 1):
            if path[:i] in collapsed:
                return "scope:" + "/".join(path[:i]), path[:i - 1]
        return op_name, path

    nodes: dict[str, Node] = {}
    members: dict[str, int] = {}
    legend: set[str] = set()
    for op in chosen_ops:
        key, where = unit_of(op.name)
        reasons = marks.blocked.get(op.name, [])
        roles = marks.roles.get(op.name, set())
        notes = marks.notes.get(op.name, [])
        kind = "gradient" if op in marks.gradient_ops else _kind(op)
        if key == op.name:
            tooltip = [f"{op.name} ({op.type})"] + [_tensor_line(t) for t in op.outputs]
            nodes[key] = Node(key, op.name.split("/")[-1], kind, op.type, where,
                              tooltip + notes, list(reasons), set(roles))
            legend.add(kind)
        else:
            node = nodes.get(key)
            if node is None:
                scope_path = key[len("scope:"):]
                node = nodes[key] = Node(key, scope_path.split("/")[-1] + "/", "scope", "",
                                         where, [f"name scope {scope_path}/ (collapsed)"])
                legend.add("scope")
            members[key] = members.get(key, 0) + 1
            node.subtitle = f"{members[key]} ops"
            node.blocked += [f"{op.name}: {r}" for r in reasons]
            node.roles |= roles
            if kind == "gradient":
                node.kind = "gradient" if node.kind in ("scope", "gradient") else node.kind
        if reasons:
            legend.add("blocked")

    edges: dict[tuple[str, str], Edge] = {}
    for op in chosen_ops:
        dst = unit_of(op.name)[0]
        sources = [(t, False) for t in op.inputs] + [(c.outputs[0] if c.outputs else c, True)
                                                     for c in op.control_inputs]
        for source, control in sources:
            src_op = source.op if isinstance(source, Tensor) else source
            if src_op not in chosen:
                continue
            src = unit_of(src_op.name)[0]
            if src == dst:
                continue
            state = marks.edge_state.get((src_op.name, op.name), "")
            edge = edges.get((src, dst))
            if edge is None:
                edge = edges[(src, dst)] = Edge(src, dst, control)
            edge.control = edge.control and control
            if state == "blocked" or (state == "open" and edge.state == ""):
                edge.state = state
            if isinstance(source, Tensor) and not control:
                edge.tooltip.append(_tensor_line(source))
            if state:
                legend.add(state)

    root = _scope_tree(nodes)
    return PictureModel(nodes, list(edges.values()), root, title, legend)


def _scope_tree(nodes: dict[str, Node]) -> Scope:
    root = Scope(())
    index = {(): root}

    def scope(path: tuple[str, ...]) -> Scope:
        if path not in index:
            parent = scope(path[:-1])
            index[path] = Scope(path)
            parent.children.append(index[path])
        return index[path]

    for key, node in nodes.items():
        scope(node.scope).nodes.append(key)
    return root
