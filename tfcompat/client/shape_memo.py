"""Shape arithmetic computed once per distinct input shapes.

Gradients and reshapes thread many small ops through a step whose values depend only on the
shapes of a few tensors: ``Shape``/``Size``/``Rank`` (OpDef ``output_from_shapes``) and the
pure ops computing on their results and on constants (``Slice``, ``ConcatV2``,
``BroadcastGradientArgs``, the ``1/N`` of a mean's gradient...). TF pays a kernel launch for
each of them per step; a plan instead gives each such value that a real step reads (a *shape
island*'s output) one memoized call: the island's ops, compiled as a small plan fed the
island's *key* tensors, run when the key tensors' shapes are new and their outputs are reused
while the shapes repeat. Outputs are shared like plan constants (kernels never modify their
inputs and fetches copy), and only small ones are kept.
"""

from __future__ import annotations

from collections.abc import Callable

from tfcompat.client.plan_prune import side_effect_free
from tfcompat.framework.ops import Operation, Tensor

# A memo keeps at most this many shape combinations, each of at most this many bytes.
MAX_ENTRIES = 16
MAX_ENTRY_BYTES = 1 << 16


class ShapeIslands:
    """Which tensors of a plan are shape-determined, and by which key tensors' shapes."""

    def __init__(self, constants_of: Callable[[Tensor], bool]):
        # Tensor id -> the key tensors whose shapes determine its value.
        self._keys: dict[int, tuple[Tensor, ...]] = {}
        self._is_constant = constants_of
        # Shape-determined ops in plan order: not steps, computed by a memo when read.
        self.deferred: dict[int, Operation] = {}

    def keys_of(self, t: Tensor) -> tuple[Tensor, ...] | None:
        return self._keys.get(id(t))

    def defer(self, op: Operation) -> bool:
        """Records ``op`` as shape-determined (not a step of its own) when it is."""
        if op._control_inputs or not side_effect_free(op):
            return False
        keys: dict[int, Tensor] = {}
        for t in op._inputs:
            known = self._keys.get(id(t))
            if known is not None:
                keys.update((id(k), k) for k in known)
            elif op._op_def.output_from_shapes:
                keys[id(t)] = t
            elif not self._is_constant(t):
                return False
        if not keys:
            return False  # constants only: constant folding's (or a failing kernel's) case
        key_tuple = tuple(keys.values())
        for t in op._outputs:
            self._keys[id(t)] = key_tuple
        self.deferred[id(op)] = op
        return True

    def island(self, op: Operation, order: dict[int, int]) -> list[Operation]:
        """The ops computing ``op``'s outputs from its keys (constants included), in order."""
        keys = {id(k) for k in self._keys[id(op._outputs[0])]} if op._outputs else set()
        found: dict[int, Operation] = {}
        pending = [op]
        while pending:
            current = pending.pop()
            if id(current) in found:
                continue
            found[id(current)] = current
            pending.extend(t._op for t in current._inputs if id(t) not in keys)
        return sorted(found.values(), key=lambda o: order[id(o)])


def memoized(island_function: Callable[..., tuple], single: bool) -> Callable:
    """``island_function(*keys)``'s outputs, computed once per tuple of the keys' shapes."""
    cache: dict[tuple, tuple] = {}

    def lookup(*keys):
        try:
            shapes = tuple([k.shape for k in keys])
        except AttributeError:  # a non-array key (a Python value): never memoized
            outputs = island_function(*keys)
        else:
            outputs = cache.get(shapes)
            if outputs is None:
                outputs = island_function(*keys)
                if sum(getattr(v, "nbytes", MAX_ENTRY_BYTES + 1) for v in outputs) \
                        <= MAX_ENTRY_BYTES:
                    if len(cache) >= MAX_ENTRIES:
                        cache.clear()
                    cache[shapes] = outputs
        return outputs[0] if single else outputs
    return lookup
