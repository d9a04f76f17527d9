"""Places a PictureModel: a layered (Sugiyama-style) layout, one level per scope box.

Each expanded scope is laid out on its own and becomes one block of its parent's layout, so
boxes never overlap. Inside a block, units go in ranks by longest path from the inputs (data
flows downwards), are ordered by the barycentre of their predecessors, and are pulled under
them horizontally. Edges are drawn afterwards between the absolute positions of their nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tfcompat.tools.draw.model import PictureModel, Scope

FONT_SIZE = 12.0
SMALL_FONT_SIZE = 10.0
BADGE_FONT_SIZE = 9.0
CHAR_WIDTH = 0.62  # of the font size: a generous average for sans-serif text
NODE_HEIGHT = 38.0
NODE_PADDING = 10.0
H_GAP = 18.0
V_GAP = 34.0
SCOPE_PADDING = 12.0
SCOPE_LABEL_HEIGHT = 26.0


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


@dataclass
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def center_x(self) -> float:
        return self.x + self.width / 2


@dataclass
class Placed:
    """Absolute boxes of every node and expanded scope, and the picture's size."""

    nodes: dict[str, Box] = field(default_factory=dict)
    scopes: dict[tuple[str, ...], Box] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Block:
    """A unit of one scope's layout: a node, or a child scope laid out already."""

    key: object  # node key (str) or scope path (tuple)
    width: float
    height: float
    members: list[str]  # node keys inside
    x: float = 0.0
    y: float = 0.0
    # Positions of the inner nodes/scopes relative to the block's corner.
    inner_nodes: dict[str, Box] = field(default_factory=dict)
    inner_scopes: dict[tuple[str, ...], Box] = field(default_factory=dict)


def badge_width(text: str) -> float:
    return text_width(text, BADGE_FONT_SIZE) + 8


def node_size(model: PictureModel, key: str) -> tuple[float, float]:
    node = model.nodes[key]
    width = max(text_width(node.label), text_width(node.subtitle, SMALL_FONT_SIZE),
                badge_width(node.badge) - 2 * NODE_PADDING if node.badge else 0)
    return max(width + 2 * NODE_PADDING, 44.0), NODE_HEIGHT


def _ranks(keys: list, succ: dict) -> dict:
    """Longest-path ranks over the DAG left after dropping DFS back edges."""
    state: dict = {}
    order: list = []
    for start in keys:
        if start in state:
            continue
        stack = [(start, iter(succ[start]))]
        state[start] = 1
        while stack:
            key, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[key] = 2
                order.append(key)
                stack.pop()
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    finished = {key: i for i, key in enumerate(order)}
    rank = dict.fromkeys(keys, 0)
    for key in reversed(order):  # a topological order once back edges are ignored
        for child in succ[key]:
            if finished[child] < finished[key]:
                rank[child] = max(rank[child], rank[key] + 1)
    return rank


def _layout_scope(model: PictureModel, scope: Scope) -> _Block:
    blocks: list[_Block] = []
    for key in scope.nodes:
        width, height = node_size(model, key)
        block = _Block(key, width, height, [key])
        block.inner_nodes[key] = Box(0, 0, width, height)
        blocks.append(block)
    for child in scope.children:
        blocks.append(_layout_scope(model, child))
    owner = {member: block.key for block in blocks for member in block.members}
    succ: dict = {block.key: [] for block in blocks}
    pred: dict = {block.key: [] for block in blocks}
    for edge in model.edges:
        src, dst = owner.get(edge.src), owner.get(edge.dst)
        if src is None or dst is None or src == dst or dst in succ[src]:
            continue
        succ[src].append(dst)
        pred[dst].append(src)
    keys = [block.key for block in blocks]
    rank = _ranks(keys, succ)
    by_key = {block.key: block for block in blocks}
    levels: list[list] = [[] for _ in range(max(rank.values(), default=0) + 1)]
    for key in keys:
        levels[rank[key]].append(key)

    # Order: a downward barycentre sweep, then an upward one.
    position = {key: i for level in levels for i, key in enumerate(level)}
    for sweep, neighbours in ((levels[1:], pred), (levels[-2::-1], succ)):
        for level in sweep:
            def centre(key, neighbours=neighbours):
                near = [position[n] for n in neighbours[key]]
                return sum(near) / len(near) if near else position[key]
            level.sort(key=centre)
            position.update({key: i for i, key in enumerate(level)})

    # Coordinates: levels stacked downwards; in each level, units pulled under their inputs.
    y = 0.0
    centres: dict = {}
    for level in levels:
        height = max(by_key[k].height for k in level)
        left = 0.0
        for key in level:
            block = by_key[key]
            placed = [centres[p] for p in pred[key] if p in centres]
            wanted = sum(placed) / len(placed) - block.width / 2 if placed else left
            block.x = max(left, wanted)
            block.y = y + (height - block.height) / 2
            left = block.x + block.width + H_GAP
            centres[key] = block.x + block.width / 2
        y += height + V_GAP
    shift = min((b.x for b in blocks), default=0.0)
    for block in blocks:
        block.x -= shift
    width = max((b.x + b.width for b in blocks), default=0.0)
    height = max(y - V_GAP, 0.0)

    result = _Block(scope.path, width, height, [m for b in blocks for m in b.members])
    for block in blocks:
        for key, box in block.inner_nodes.items():
            result.inner_nodes[key] = Box(box.x + block.x, box.y + block.y, box.width,
                                          box.height)
        for path, box in block.inner_scopes.items():
            result.inner_scopes[path] = Box(box.x + block.x, box.y + block.y, box.width,
                                            box.height)
    if scope.path:  # a box around the contents, with the scope's name on top
        label = text_width("/".join(scope.path[-1:]) + "/", SMALL_FONT_SIZE)
        result.width = max(width, label) + 2 * SCOPE_PADDING
        result.height = height + 2 * SCOPE_PADDING + SCOPE_LABEL_HEIGHT
        dx, dy = SCOPE_PADDING, SCOPE_PADDING + SCOPE_LABEL_HEIGHT
        result.inner_nodes = {k: Box(b.x + dx, b.y + dy, b.width, b.height)
                              for k, b in result.inner_nodes.items()}
        result.inner_scopes = {k: Box(b.x + dx, b.y + dy, b.width, b.height)
                               for k, b in result.inner_scopes.items()}
        result.inner_scopes[scope.path] = Box(0, 0, result.width, result.height)
    return result


def layout(model: PictureModel, margin: float = 16.0, top: float = 0.0) -> Placed:
    """Absolute positions for every node and expanded scope of ``model``."""
    block = _layout_scope(model, model.root)
    placed = Placed(width=block.width + 2 * margin, height=block.height + 2 * margin + top)
    for key, box in block.inner_nodes.items():
        placed.nodes[key] = Box(box.x + margin, box.y + margin + top, box.width, box.height)
    for path, box in block.inner_scopes.items():
        placed.scopes[path] = Box(box.x + margin, box.y + margin + top, box.width, box.height)
    return placed
