"""``tf.CriticalSection``: runs a function's ops under a mutex, so concurrent ``Session.run``
calls executing it never interleave (ops MutexV2, MutexLock, ConsumeMutexLock).

``execute(fn)`` builds: MutexLock (waits for the mutex), fn's ops under a control dependency
on the lock, ConsumeMutexLock after fn's outputs (releases it), and identities of the outputs
after the release. A run that fails inside fn releases the mutex when its lock value is
dropped. The exclusive-resource-access checks TF makes for resource variables do not apply:
tfcompat's variables are reference variables, which TF does not check either.
"""

from __future__ import annotations

import threading

import numpy as np

from tfcompat.framework import dtypes, nest, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, control_flow_ops
from tfcompat.ops.resource_container import bind_resource_op, resource_of


class MutexResource:
    """A session's mutex."""

    def __init__(self, name: str):
        self.name = name
        self.lock = threading.Lock()


class _HeldLock:
    """The value of a MutexLock op: releases the mutex once, when consumed or dropped."""

    def __init__(self, mutex: MutexResource):
        self._mutex = mutex
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._mutex.lock.release()

    def __del__(self):
        self.release()


def _scalar(value) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


def _bind_lock(op, state):
    def kernel(handle):
        mutex = resource_of(handle)
        mutex.lock.acquire()
        return _scalar(_HeldLock(mutex))
    return kernel


def _consume(lock):
    np.asarray(lock)[()].release()


_SCALAR_VARIANT = {"shape_fn": lambda op: [(dtypes.variant, TensorShape([]))]}
register_op("MutexV2", shape_fn=lambda op: [(dtypes.resource, TensorShape([]))],
            bind=bind_resource_op(lambda op, name: MutexResource(name)), stateful=True,
            attr_defaults={"container": "", "shared_name": ""}, grad=NOT_DIFFERENTIABLE)
register_op("MutexLock", inputs=("mutex: resource",), bind=_bind_lock, stateful=True,
            grad=NOT_DIFFERENTIABLE, **_SCALAR_VARIANT)
register_op("ConsumeMutexLock", inputs=("mutex_lock: variant",), kernel=_consume,
            shape_fn=lambda op: [], stateful=True, grad=NOT_DIFFERENTIABLE)


class CriticalSection:
    """Serializes the execution of functions across concurrent runs."""

    def __init__(self, name=None, shared_name=None, critical_section_def=None,
                 import_scope=None):
        if critical_section_def is not None:
            raise ValueError("tfcompat does not restore CriticalSections from a "
                             "critical_section_def")
        del import_scope
        with ops.name_scope(name, "CriticalSection", []) as scope:
            self._handle = apply_op("MutexV2", [], name=scope,
                                    attrs={"shared_name": shared_name or ""})
        self._name = self._handle.op.name

    @property
    def name(self) -> str:
        return self._name

    def execute(self, fn, exclusive_resource_access=True, name=None):
        """Runs ``fn()``'s ops while holding the mutex; returns its outputs (same structure),
        available once the mutex is released."""
        del exclusive_resource_access
        graph = ops.get_default_graph()
        with ops.name_scope(name, "critical_section_execute", []):
            lock = apply_op("MutexLock", [self._handle])
            with graph.control_dependencies([lock]):
                result = fn()
            flat = nest.flatten(result)
            tensors = [r for r in flat if isinstance(r, Tensor)]
            fn_ops = [r for r in flat if isinstance(r, ops.Operation)]
            gated = control_flow_ops.tuple(tensors, control_inputs=fn_ops) if tensors else []
            with graph.control_dependencies(gated + fn_ops):
                release = apply_op("ConsumeMutexLock", [lock])
            gated = iter(gated)
            outputs = []
            with graph.control_dependencies([release]):
                for r in flat:
                    if isinstance(r, Tensor):
                        outputs.append(array_ops.identity(next(gated)))
                    elif isinstance(r, ops.Operation):
                        outputs.append(control_flow_ops.no_op())
                    else:
                        outputs.append(r)
        return nest.pack_sequence_as(result, outputs)
