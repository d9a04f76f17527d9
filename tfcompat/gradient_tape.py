"""``tf.GradientTape`` in graph mode, built on ``tf.gradients``.

The tape records the ops created while it is active (outside ``stop_recording`` blocks).
``gradient`` differentiates through recorded ops only: every other tensor the target depends
on is a constant, unless it is a watched tensor or the value of a watched variable, as in TF,
where the tape sees only the operations it executed. Trainable variables read by recorded ops
are watched automatically (``watch_accessed_variables``).

Differences from TF: the gradient ops are built by ``tf.gradients`` (named under
``gradients/``, where TF's tape names them in the current scope); ``jacobian`` and
``batch_jacobian`` need statically known target sizes (TF vectorizes with pfor); TF's tape
rejects reference variables (AttributeError), tfcompat differentiates them.
"""

from __future__ import annotations

import contextlib

from tfcompat.framework import nest, ops
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.ops import array_ops
from tfcompat.ops.gradients_impl import UnconnectedGradients, gradients
from tfcompat.variables.variables import Variable


class GradientTape:
    """Records operations for automatic differentiation (graph-mode ``tf.GradientTape``)."""

    def __init__(self, persistent=False, watch_accessed_variables=True):
        self._persistent = persistent
        self._watch_accessed_variables = watch_accessed_variables
        self._graph = None
        self._windows: list[list] = []  # [first op id, last op id or None while open]
        self._watched_tensors: list = []
        self._watched_variables: list = []
        self._used = False

    # -- recording

    def _next_op_id(self) -> int:
        return len(self._graph._ops) + 1

    def _open(self) -> None:
        self._windows.append([self._next_op_id(), None])

    def _close(self) -> None:
        self._windows[-1][1] = self._next_op_id()

    def _recording(self) -> bool:
        return bool(self._windows) and self._windows[-1][1] is None

    def __enter__(self):
        if self._recording():
            raise ValueError("Tape is still recording, This can happen if you try to re-enter "
                             "an already-active tape.")
        self._graph = ops.get_default_graph()
        self._open()
        return self

    def __exit__(self, *exc_info):
        if self._recording():
            self._close()

    @contextlib.contextmanager
    def stop_recording(self):
        """Ops created inside are not recorded (the tape treats their outputs as constants)."""
        if not self._recording():
            raise ValueError("Tape must be recording when stop_recording is called.")
        self._close()
        try:
            yield
        finally:
            self._open()

    @contextlib.contextmanager
    def _recorded(self):
        """Records the ops a jacobian builds around the target (its slices)."""
        if self._recording() or self._graph is None:
            yield
            return
        self._open()
        try:
            yield
        finally:
            self._close()

    def reset(self) -> None:
        """Forgets everything recorded and watched so far; recording goes on."""
        if not self._recording():
            raise ValueError("Tape is not recording.")
        self._windows, self._watched_tensors, self._watched_variables = [], [], []
        self._used = False
        self._open()

    def watch(self, tensor) -> None:
        """Makes the tape differentiate with respect to ``tensor`` (tensors or variables)."""
        for t in nest.flatten(tensor):
            if isinstance(t, Variable):
                if all(t is not v for v in self._watched_variables):
                    self._watched_variables.append(t)
            elif isinstance(t, ops.Tensor):
                if all(t is not w for w in self._watched_tensors):
                    self._watched_tensors.append(t)
            else:
                raise ValueError(f"Passed in object {t} of type '{type(t).__name__}', not "
                                 "tf.Tensor or tf.Variable or ExtensionType.")

    def _is_recorded(self, op) -> bool:
        op_id = op._id
        for start, end in self._windows:
            if start <= op_id and (end is None or op_id < end):
                return True
        return False

    def _recorded_ops(self) -> list:
        if self._graph is None:
            return []
        return [op for op in self._graph._ops if self._is_recorded(op)]

    def watched_variables(self) -> tuple:
        """The variables watched explicitly, then the trainable ones recorded ops read."""
        watched = list(self._watched_variables)
        if self._watch_accessed_variables and self._graph is not None:
            reads = {}
            for v in self._graph.get_collection(GraphKeys.TRAINABLE_VARIABLES):
                if isinstance(v, Variable):
                    reads[id(v.value())] = v
                    reads[id(v._ref())] = v
            for op in self._recorded_ops():
                for t in op.inputs:
                    v = reads.get(id(t))
                    if v is not None and all(v is not w for w in watched):
                        watched.append(v)
        return tuple(watched)

    # -- differentiation

    def _check_reusable(self) -> None:
        if self._used and not self._persistent:
            raise RuntimeError("A non-persistent GradientTape can only be used to compute one "
                               "set of gradients (or jacobians)")
        self._used = True

    def _constants(self, targets: list, variables: tuple) -> list:
        """The tensors the target depends on that the tape did not record: its constants."""
        differentiable = {id(t) for t in self._watched_tensors}
        for v in variables:
            differentiable.update((id(v.value()), id(v._ref())))
        constants, seen, stack = [], set(), list(targets)
        while stack:
            t = stack.pop()
            if id(t) in seen:
                continue
            seen.add(id(t))
            if id(t) in differentiable:
                continue
            if not self._is_recorded(t.op):
                constants.append(t)
                continue
            stack.extend(t.op.inputs)
        return constants

    def _gradients(self, targets: list, sources: list, output_gradients, unconnected):
        variables = self.watched_variables()
        watched = {id(t) for t in self._watched_tensors} | {id(v) for v in variables}
        connected = [s for s in sources if id(s) in watched]
        result = {}
        if connected:
            grads = gradients(targets, connected, grad_ys=output_gradients,
                              stop_gradients=self._constants(targets, variables),
                              unconnected_gradients=unconnected)
            result = {id(s): g for s, g in zip(connected, grads)}
        out = []
        for s in sources:
            g = result.get(id(s))
            if g is None and unconnected == UnconnectedGradients.ZERO:
                g = array_ops.zeros_like(s.value() if isinstance(s, Variable) else s)
            out.append(g)
        return out

    def gradient(self, target, sources, output_gradients=None,
                 unconnected_gradients=UnconnectedGradients.NONE):
        """The gradient of ``target`` (summed over its elements and structure) with respect to
        each of ``sources`` (a nested structure of tensors or variables), shaped like
        ``sources``; None (or zeros) for sources the target does not depend on through the
        recorded ops."""
        self._check_reusable()
        unconnected = UnconnectedGradients(unconnected_gradients)
        targets = [ops.convert_to_tensor(t) for t in nest.flatten(target)]
        flat_sources = nest.flatten(sources)
        if output_gradients is not None:
            output_gradients = [None if g is None else ops.convert_to_tensor(g)
                                for g in nest.flatten(output_gradients)]
        grads = self._gradients(targets, flat_sources, output_gradients, unconnected)
        return nest.pack_sequence_as(sources, grads)

    def jacobian(self, target, sources, unconnected_gradients=UnconnectedGradients.NONE,
                 parallel_iterations=None, experimental_use_pfor=True):
        """d target[i...] / d source[j...] for each source: shape target.shape + source.shape.
        Needs a statically known target size."""
        del parallel_iterations, experimental_use_pfor
        self._check_reusable()
        unconnected = UnconnectedGradients(unconnected_gradients)
        target = ops.convert_to_tensor(target)
        size = target.shape.num_elements()
        if size is None:
            raise ValueError("tfcompat's GradientTape.jacobian needs a target of statically "
                             f"known size, got shape {target.shape}")
        flat_sources = nest.flatten(sources)
        with self._recorded():
            flat_target = array_ops.reshape(target, [-1])
            elements = [flat_target[i] for i in range(size)]
        rows = [self._gradients([e], flat_sources, None, unconnected) for e in elements]
        result = []
        for k, s in enumerate(flat_sources):
            column = [row[k] for row in rows]
            if any(g is None for g in column):
                result.append(None)
                continue
            source_shape = (s.value() if isinstance(s, Variable) else s).shape
            stacked = array_ops.stack(column) if column else array_ops.zeros(
                [0] + source_shape.as_list())
            result.append(array_ops.reshape(
                stacked, target.shape.concatenate(source_shape).as_list()
                if source_shape.is_fully_defined() else
                array_ops.concat([array_ops.shape(target), array_ops.shape(s)], 0)))
        return nest.pack_sequence_as(sources, result)

    def batch_jacobian(self, target, source, unconnected_gradients=UnconnectedGradients.NONE,
                       parallel_iterations=None, experimental_use_pfor=True):
        """d target[b, i...] / d source[b, j...] (examples independent along dimension 0):
        shape [batch] + target.shape[1:] + source.shape[1:]. Needs static target.shape[1:]."""
        del parallel_iterations, experimental_use_pfor
        self._check_reusable()
        unconnected = UnconnectedGradients(unconnected_gradients)
        target = ops.convert_to_tensor(target)
        rest = target.shape[1:].num_elements() if target.shape.ndims else None
        if rest is None:
            raise ValueError("tfcompat's GradientTape.batch_jacobian needs target.shape[1:] "
                             f"statically known, got {target.shape}")
        with self._recorded():
            flat = array_ops.reshape(target, [-1, rest])
            slices = [flat[:, j] for j in range(rest)]
        columns = [self._gradients([c], [source], None, unconnected)[0] for c in slices]
        if any(g is None for g in columns):
            return None
        stacked = array_ops.stack(columns, axis=1)
        batch = array_ops.shape(target)[:1]
        return array_ops.reshape(stacked, array_ops.concat(
            [batch, array_ops.shape(target)[1:], array_ops.shape(source)[1:]], 0))
