"""Per-session resources: queues, readers and dataset iterators a session creates and keeps.

TF keeps such objects in a session's resource manager; tfcompat keeps one container per
``SessionState``. A resource op's kernel looks its resource up by name (its shared_name, else
its op name) and creates it on first use. Closing the session cancels every resource, so
threads blocked in a queue op wake up with ``CancelledError``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np


class ResourceHandle:
    """The value of a resource tensor (a queue or reader handle): names the resource."""

    def __init__(self, name: str, resource: Any):
        self.name = name
        self.resource = resource

    def __repr__(self) -> str:
        return f"<ResourceHandle {self.name}>"


class ResourceContainer:
    """The resources of one session, created lazily by the ops that own them."""

    def __init__(self):
        self._lock = threading.Lock()
        self._resources: dict[str, Any] = {}
        self._next_id = 0
        self.closed = False

    def lookup_or_create(self, key: str, create: Callable[[str], Any]) -> Any:
        """The resource named ``key``; ``create(unique_name)`` makes it on first use.

        The unique name is TF's ``_<n>_<op name>`` (n counts resources of this session), which
        TF's error messages show.
        """
        with self._lock:
            resource = self._resources.get(key)
            if resource is None:
                unique = f"_{self._next_id}_{key}"
                self._next_id += 1
                resource = create(unique)
                self._resources[key] = resource
            return resource

    def cancel_all(self) -> None:
        with self._lock:
            self.closed = True
            resources = list(self._resources.values())
        for resource in resources:
            cancel = getattr(resource, "cancel", None)
            if cancel is not None:
                cancel()


_CONTAINERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CONTAINERS_LOCK = threading.Lock()


def container_for(state) -> ResourceContainer:
    """The resource container of a session (by its SessionState)."""
    with _CONTAINERS_LOCK:
        container = _CONTAINERS.get(state)
        if container is None:
            container = _CONTAINERS[state] = ResourceContainer()
        return container


def cancel_session_resources(state) -> None:
    """Cancels the pending work of every resource of a closing session."""
    with _CONTAINERS_LOCK:
        container = _CONTAINERS.get(state)
    if container is not None:
        container.cancel_all()


def handle_array(handle: ResourceHandle) -> np.ndarray:
    value = np.empty((), dtype=object)
    value[()] = handle
    return value


def resource_of(handle_value) -> Any:
    """The resource behind a handle tensor's value."""
    handle = handle_value[()] if isinstance(handle_value, np.ndarray) else handle_value
    return handle.resource


def bind_resource_op(make: Callable[[Any, str], Any]) -> Callable:
    """A binder for an op creating a resource: ``make(op, unique_name)`` builds it once per
    session; the kernel returns its handle."""

    def bind(op, state):
        container = container_for(state)
        key = op._attrs.get("shared_name") or op.name
        if isinstance(key, bytes):
            key = key.decode()

        def kernel():
            resource = container.lookup_or_create(key, lambda unique: make(op, unique))
            return handle_array(ResourceHandle(key, resource))
        return kernel
    return bind
