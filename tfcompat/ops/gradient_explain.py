"""``tfcompat.explain_gradient``: why does ``tf.gradients(ys, x)`` give None for x?

Beyond TF. It walks every path from x forward to ys and reports, per path, what stops the
gradient: a StopGradient op, an op listed in ``stop_gradients``, an integer or bool tensor
(integers are constants for tf.gradients), an op type marked not differentiable, or an op
type with no gradient at all (tf.gradients raises LookupError there). TF's own messages are
unchanged; this only explains them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tfcompat.framework import ops
from tfcompat.framework.op_registry import get_gradient_function
from tfcompat.framework.ops import Operation, Tensor

_MAX_PATHS = 20


@dataclass
class Blocker:
    """One reason a path carries no gradient, at one op of it."""

    op_name: str
    op_type: str
    reason: str

    def __str__(self) -> str:
        return f"{self.op_name} ({self.op_type}): {self.reason}"


@dataclass
class GradientPath:
    """A chain of ops from x to a y, and what (if anything) blocks the gradient along it."""

    op_names: list[str]
    blockers: list[Blocker] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return not self.blockers


@dataclass
class GradientExplanation:
    """The answer of explain_gradient: paths from x to ys and their blockers."""

    x_name: str
    y_names: list[str]
    paths: list[GradientPath]
    truncated: bool = False

    @property
    def has_gradient(self) -> bool:
        """Whether tf.gradients gives x a (non-None) gradient: some path is open."""
        return any(p.open for p in self.paths)

    def __str__(self) -> str:
        ys = ", ".join(self.y_names)
        if not self.paths:
            return (f"{self.x_name} gets no gradient from [{ys}]: there is no path from it to "
                    f"any y (nothing computed from {self.x_name} reaches them).\n")
        lines = []
        if self.has_gradient:
            lines.append(f"{self.x_name} gets a gradient from [{ys}]: "
                         f"{sum(p.open for p in self.paths)} of {len(self.paths)} paths are open.")
        else:
            lines.append(f"{self.x_name} gets no gradient from [{ys}]: every path is blocked.")
        for i, path in enumerate(self.paths, 1):
            state = "open" if path.open else "blocked"
            lines.append(f"  path {i} ({state}): {' -> '.join(path.op_names)}")
            for blocker in path.blockers:
                lines.append(f"    blocked at {blocker}")
        if self.truncated:
            lines.append(f"  (only the first {_MAX_PATHS} paths are shown)")
        return "\n".join(lines) + "\n"

    def _repr_pretty_(self, printer, cycle):  # IPython
        printer.text(str(self))


def _as_tensor(value) -> Tensor:
    if hasattr(value, "_ref") and not isinstance(value, Tensor):
        return value._ref()
    return ops.convert_to_tensor(value)


def _blockers(path_tensors: list[Tensor], path_ops: list[Operation],
              stop_ops: set[Operation]) -> list[Blocker]:
    """Blockers along x -> ... -> y; ``path_tensors[i]`` is the input of ``path_ops[i]``."""
    found = []
    for tensor, op in zip(path_tensors, path_ops):
        if not (tensor.dtype.is_floating or tensor.dtype.is_complex):
            found.append(Blocker(tensor.op.name, tensor.op.type,
                                 f"its output {tensor.name} is {tensor.dtype.base_dtype.name}; "
                                 "integer and bool tensors are constants for tf.gradients"))
        if op in stop_ops:
            found.append(Blocker(op.name, op.type, "listed in stop_gradients"))
        elif op.type == "StopGradient":
            found.append(Blocker(op.name, op.type, "tf.stop_gradient treats its input as a "
                                                   "constant"))
        else:
            override = op._attrs.get("_gradient_op_type")
            try:
                if get_gradient_function(override or op.type, op.name) is None:
                    found.append(Blocker(op.name, op.type,
                                         f"op type {op.type} is marked not differentiable"))
            except LookupError:
                found.append(Blocker(op.name, op.type,
                                     f"op type {op.type} has no registered gradient "
                                     "(tf.gradients raises LookupError here)"))
    return found


def explain_gradient(ys, x, stop_gradients=None, print_result: bool = True
                     ) -> GradientExplanation:
    """Explains whether, and why not, ``tf.gradients(ys, x)`` yields a gradient for ``x``.

    Returns a GradientExplanation (printed unless ``print_result=False``) listing each path of
    ops from x to ys with what blocks it.
    """
    ys = [_as_tensor(y) for y in (ys if isinstance(ys, (list, tuple)) else [ys])]
    x = _as_tensor(x)
    stop_ops = {_as_tensor(t).op for t in (stop_gradients or [])}
    y_ops = {y.op for y in ys}

    # Ops from which some y is reachable (through data inputs): prunes the search.
    reaches_y: set[Operation] = set()
    stack = list(y_ops)
    while stack:
        op = stack.pop()
        if op in reaches_y:
            continue
        reaches_y.add(op)
        stack.extend(t.op for t in op.inputs)

    paths: list[GradientPath] = []
    truncated = False

    def walk(tensor: Tensor, ops_so_far: list[Operation], tensors_so_far: list[Tensor]):
        nonlocal truncated
        if len(paths) >= _MAX_PATHS:
            truncated = True
            return
        if tensor.op in y_ops and tensor in ys:
            names = [x.op.name] + [op.name for op in ops_so_far]
            paths.append(GradientPath(names, _blockers(tensors_so_far, ops_so_far, stop_ops)))
        for consumer in tensor.consumers():
            if consumer not in reaches_y or consumer in ops_so_far:
                continue
            for out in consumer.outputs:
                if out.op in reaches_y:
                    walk(out, ops_so_far + [consumer], tensors_so_far + [tensor])

    walk(x, [], [])
    # x itself among ys: tf.gradients returns grad_ys for it.
    if x in ys and not any(len(p.op_names) == 1 for p in paths):
        paths.insert(0, GradientPath([x.op.name]))
    explanation = GradientExplanation(x.name, [y.name for y in ys], paths, truncated)
    if print_result:
        print(explanation, end="")
    return explanation
