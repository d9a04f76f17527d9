"""``tf.train.Checkpoint`` (TF1's ``CheckpointV1``) in graph mode: object-based checkpoints in
TF's format — each value under ``<path>/.ATTRIBUTES/VARIABLE_VALUE``, slot variables under
``<variable path>/.OPTIMIZER_SLOT/<optimizer path>/<slot>/...``, and the serialized
``TrackableObjectGraph`` under ``_CHECKPOINTABLE_OBJECT_GRAPH`` — so files written here restore in
TensorFlow and back.

Save and restore build SaveV2 / RestoreV2 + Assign ops in the objects' graph (once per set of
objects) and run them in ``session`` or the default session. ``save_counter`` is a reference
variable here (TF makes it a resource variable); its name, dtype and checkpoint key are TF's.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from tfcompat.framework import default_session, dtypes, ops
from tfcompat.ops import array_ops, control_flow_ops, state_ops
from tfcompat.protobuf.trackable_object_graph_pb2 import TrackableObjectGraph
from tfcompat.training.checkpoint import bundle, io_ops, state
from tfcompat.training.optimizer import Optimizer
from tfcompat.training.saver import Saver
from tfcompat.training.tracking.graph_view import (
    OBJECT_GRAPH_KEY,
    VARIABLE_VALUE,
    ObjectGraph,
    is_trackable,
    trackable_children,
)
from tfcompat.training.tracking.python_state import PYTHON_STATE, PythonState
from tfcompat.variables.variables import Variable, variables_initializer


class CheckpointOptions:
    """Options for saving and restoring (``tf.train.CheckpointOptions``). tfcompat writes
    synchronously on the calling thread, so the async and I/O-device options change nothing."""

    __slots__ = ("experimental_io_device", "experimental_enable_async_checkpoint",
                 "experimental_write_callbacks", "enable_async",
                 "experimental_skip_slot_variables", "experimental_sharding_callback")

    def __init__(self, experimental_io_device=None, experimental_enable_async_checkpoint=False,
                 experimental_write_callbacks=None, enable_async=False,
                 experimental_skip_slot_variables=False, experimental_sharding_callback=None):
        self.experimental_io_device = experimental_io_device
        self.experimental_enable_async_checkpoint = experimental_enable_async_checkpoint
        self.experimental_write_callbacks = experimental_write_callbacks
        self.enable_async = enable_async
        self.experimental_skip_slot_variables = experimental_skip_slot_variables
        self.experimental_sharding_callback = experimental_sharding_callback


def _session(session):
    session = session if session is not None else default_session.get_default_session()
    if session is None:
        raise ValueError("tf.train.Checkpoint in graph mode needs a session: pass `session=` or "
                         "call it inside `with sess.as_default():`")
    return session


class CheckpointV1:
    """Groups trackable objects (variables, layers, optimizers, other checkpoints, lists and
    dicts of them) to save and restore them together, keyed by the attribute names given here.
    """

    def __init__(self, **kwargs):
        self._children_list: list[tuple[str, Any]] = []
        for name, value in sorted(kwargs.items()):
            if not is_trackable(value):
                raise ValueError("`Checkpoint` was expecting a trackable object (an object "
                                 f"derived from `Trackable`), got {value}. If you believe this "
                                 "object should be trackable (i.e. it is part of the TensorFlow "
                                 "Python API and manages state), please open an issue.")
            self._children_list.append((name, value))
            object.__setattr__(self, name, value)
        self._save_counter: Variable | None = None
        self._save_assign = None
        self._save_ops: dict = {}

    def _trackable_children(self) -> list[tuple[str, Any]]:
        children = list(self._children_list)
        if self._save_counter is not None:
            children.append(("save_counter", self._save_counter))
        return children

    @property
    def save_counter(self) -> Variable:
        """An int64 variable counting the calls to ``save()`` (created on first use)."""
        self._maybe_create_save_counter()
        return self._save_counter

    def _maybe_create_save_counter(self) -> bool:
        if self._save_counter is not None:
            return False
        with ops.name_scope(None):
            self._save_counter = Variable(np.int64(0), trainable=False, name="save_counter",
                                          dtype=dtypes.int64)
        return True

    # -- writing

    def write(self, file_prefix, session=None, options=None) -> str:
        """Writes a checkpoint at ``file_prefix`` (no counter, no ``checkpoint`` file)."""
        del options
        session = _session(session)
        file_prefix = os.fspath(file_prefix)
        graph = ObjectGraph(self)
        saveables = graph.saveables()
        signature = tuple(id(obj) for _, obj in saveables)
        save = self._save_ops.get(signature)
        if save is None:
            with session.graph.as_default(), ops.name_scope(None):
                prefix = array_ops.placeholder(dtypes.string, [], name="Const")
                proto = array_ops.placeholder(dtypes.string, [], name="Const_1")
                states = {i: array_ops.placeholder(dtypes.string, [])
                          for i, obj in saveables if isinstance(obj, PythonState)}
                # TF's data file holds the values in node order, the object graph last.
                names = [graph.checkpoint_key(i) for i, _ in saveables] + [OBJECT_GRAPH_KEY]
                tensors = [states[i] if i in states else obj.value()
                           for i, obj in saveables] + [proto]
                save = (prefix, proto, states, io_ops.save_v2(prefix, names,
                                                              [""] * len(names), tensors))
            self._save_ops[signature] = save
        prefix, proto, states, save_op = save
        feed = {prefix: file_prefix, proto: graph.to_proto().SerializeToString()}
        for index, placeholder in states.items():
            value = graph.nodes[index].serialize()
            feed[placeholder] = value.encode("utf-8") if isinstance(value, str) else value
        session.run(save_op, feed_dict=feed)
        return file_prefix

    def save(self, file_prefix, session=None, options=None) -> str:
        """Saves at ``<file_prefix>-<save_counter>`` (after incrementing the counter) and
        records it in the directory's ``checkpoint`` file; returns that path."""
        session = _session(session)
        if self._maybe_create_save_counter():
            session.run(self._save_counter.initializer)
        if self._save_assign is None:
            with session.graph.as_default():
                self._save_assign = self._save_counter.assign_add(1)
        number = session.run(self._save_assign)
        path = self.write(f"{os.fspath(file_prefix)}-{number}", session=session,
                          options=options)
        state.update_checkpoint_state_internal(
            os.path.dirname(path), path, all_model_checkpoint_paths=[path],
            save_relative_paths=True)
        return path

    # -- restoring

    def restore(self, save_path):
        """Matches the checkpoint's objects to these objects and builds their restore ops;
        returns a status whose ``run_restore_ops(session)`` / ``initialize_or_restore(session)``
        run them (``save_path=None`` initializes instead)."""
        if save_path is None:
            self._maybe_create_save_counter()
            return InitializationOnlyStatus(self)
        reader = bundle.BundleReader(os.fspath(save_path))
        if OBJECT_GRAPH_KEY not in reader.entries:
            self._maybe_create_save_counter()
            return NameBasedSaverStatus(self, os.fspath(save_path))
        proto = TrackableObjectGraph.FromString(reader.read(OBJECT_GRAPH_KEY).item())
        if any(ref.local_name == "save_counter" for ref in proto.nodes[0].children):
            self._maybe_create_save_counter()
        return CheckpointLoadStatus(self, os.fspath(save_path), proto, reader)


def _match(root, proto: TrackableObjectGraph) -> dict[int, Any]:
    """Checkpoint node id -> Python object, walking both graphs from the root by local names;
    slot variables through the matched optimizers' slots."""
    matched = {0: root}
    queue = [0]
    while queue:
        node_id = queue.pop(0)
        children = dict(trackable_children(matched[node_id]))
        for ref in proto.nodes[node_id].children:
            child = children.get(ref.local_name)
            if child is not None and ref.node_id not in matched:
                matched[ref.node_id] = child
                queue.append(ref.node_id)
    for node_id, obj in list(matched.items()):
        if isinstance(obj, Optimizer):
            for ref in proto.nodes[node_id].slot_variables:
                original = matched.get(ref.original_variable_node_id)
                if isinstance(original, Variable):
                    slot = obj.get_slot(original, ref.slot_name)
                    if slot is not None:
                        matched[ref.slot_variable_node_id] = slot
    return matched


def _proto_names(proto: TrackableObjectGraph) -> dict[int, str]:
    """TF's printable node names: ``(root).model.kernel``."""
    names = {0: "(root)"}
    queue = [0]
    while queue:
        node_id = queue.pop(0)
        for ref in proto.nodes[node_id].children:
            if ref.node_id not in names:
                names[ref.node_id] = f"{names[node_id]}.{ref.local_name}"
                queue.append(ref.node_id)
    return names


def _unmatched_error(unmatched: list) -> AssertionError:
    shown = unmatched[:10]
    return AssertionError(
        f"Found {len(unmatched)} Python objects that were not bound to checkpointed values, "
        "likely due to changes in the Python program. Showing "
        f"{len(shown)} of {len(unmatched)} unmatched objects: {shown}")


class CheckpointLoadStatus:
    """The result of ``Checkpoint.restore(path)`` in graph mode."""

    def __init__(self, checkpoint: CheckpointV1, save_path: str, proto, reader):
        self._checkpoint = checkpoint
        self._save_path = save_path
        self._proto = proto
        self._reader = reader
        self._matched: dict[int, Any] = {}
        self._restored: set[int] = set()
        self._restore_ops: list = []
        self._match_new_objects()

    def _match_new_objects(self) -> None:
        """Matches the objects reachable now (variables of layers built, or slots created,
        after ``restore()`` too — TF's deferred restorations) and builds restore ops for the
        newly matched variables; Python state is restored at once, as TF does."""
        self._matched = _match(self._checkpoint, self._proto)
        restores: list[tuple[str, Variable]] = []
        for node_id, obj in sorted(self._matched.items()):
            if id(obj) in self._restored:
                continue
            for attribute in self._proto.nodes[node_id].attributes:
                if isinstance(obj, Variable) and attribute.name == VARIABLE_VALUE:
                    restores.append((attribute.checkpoint_key, obj))
                elif isinstance(obj, PythonState) and attribute.name == PYTHON_STATE:
                    obj.deserialize(self._reader.read(attribute.checkpoint_key).item())
                    self._restored.add(id(obj))
        if restores:
            with self._checkpoint.save_counter.graph.as_default(), ops.name_scope(None):
                prefix = ops.convert_to_tensor(self._save_path, dtype=dtypes.string)
                keys = [key for key, _ in restores]
                values = io_ops.restore_v2(prefix, keys, [""] * len(keys),
                                           [v.dtype.base_dtype for _, v in restores])
                assigns = [state_ops.assign(v, value) for (_, v), value in
                           zip(restores, values)]
                self._restore_ops.append(control_flow_ops.group(*assigns))
            self._restored.update(id(v) for _, v in restores)

    def _python_variables(self) -> list[Variable]:
        return [v for _, v in ObjectGraph(self._checkpoint).variables()]

    def _python_saveables(self) -> list:
        return [obj for _, obj in ObjectGraph(self._checkpoint).saveables()]

    def run_restore_ops(self, session=None) -> None:
        """Runs the ops restoring the matched variables (matching objects created since
        ``restore()`` first)."""
        self._match_new_objects()
        if self._restore_ops:
            _session(session).run(self._restore_ops)

    def initialize_or_restore(self, session=None) -> None:
        """Restores the matched variables and initializes every other variable the checkpoint
        object reaches."""
        session = _session(session)
        self.run_restore_ops(session)
        rest = [v for v in self._python_variables() if id(v) not in self._restored]
        if rest:
            session.run(variables_initializer(rest))

    def assert_existing_objects_matched(self):
        """Raises AssertionError unless every variable reachable now got a checkpointed value."""
        self._match_new_objects()
        unmatched = [v for v in self._python_saveables() if id(v) not in self._restored]
        if unmatched:
            raise _unmatched_error(unmatched)
        return self

    def assert_consumed(self):
        """``assert_existing_objects_matched`` and every value in the checkpoint was used."""
        self.assert_existing_objects_matched()
        names = _proto_names(self._proto)
        for node_id, node in enumerate(self._proto.nodes):
            if node.attributes and node_id not in self._matched:
                raise AssertionError(f"Unresolved object in checkpoint "
                                     f"{names.get(node_id, node_id)}: {node}")
        return self

    def assert_nontrivial_match(self):
        """Raises AssertionError if nothing but the root matched."""
        if len(self._matched) <= 1:
            raise AssertionError(f"Nothing except the root object matched a checkpointed value. "
                                 f"Typically this means that the checkpoint does not match the "
                                 f"Python program. The following objects have no matching "
                                 f"checkpointed value: {self._python_variables()}")
        return self

    def expect_partial(self):
        """Silences warnings about unused checkpoint values (tfcompat prints none)."""
        return self


class InitializationOnlyStatus:
    """The result of ``Checkpoint.restore(None)``: nothing to restore; initializes instead."""

    def __init__(self, checkpoint: CheckpointV1):
        self._checkpoint = checkpoint

    def _nothing(self):
        raise AssertionError("No checkpoint specified (save_path=None); nothing is being "
                             "restored.")

    assert_consumed = assert_existing_objects_matched = assert_nontrivial_match = _nothing

    def run_restore_ops(self, session=None) -> None:
        """Nothing to restore."""

    def initialize_or_restore(self, session=None) -> None:
        """Initializes every variable the checkpoint object reaches."""
        variables = [v for _, v in ObjectGraph(self._checkpoint).variables()]
        if variables:
            _session(session).run(variables_initializer(variables))

    def expect_partial(self):
        return self


class NameBasedSaverStatus:
    """The result of ``Checkpoint.restore`` on a checkpoint written by ``tf.train.Saver``:
    variables are matched by their graph names, through a ``tf.train.Saver`` as TF does. (The
    checkpoint then lacks ``save_counter``, so in graph mode the restore fails with TF's
    NotFoundError unless the saved graph had a variable of that name.)"""

    def __init__(self, checkpoint: CheckpointV1, save_path: str):
        self._checkpoint = checkpoint
        self._save_path = save_path

    def run_restore_ops(self, session=None) -> None:
        """Restores every variable the checkpoint object reaches by its name."""
        variables = [v for _, v in ObjectGraph(self._checkpoint).variables()]
        Saver(var_list={v.op.name: v for v in variables}).restore(_session(session),
                                                                   self._save_path)

    initialize_or_restore = run_restore_ops

    def assert_consumed(self):
        return self

    assert_existing_objects_matched = assert_nontrivial_match = expect_partial = assert_consumed
