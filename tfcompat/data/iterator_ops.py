"""TF1 dataset iterators: one-shot, initializable, reinitializable (``from_structure``) and
feedable (``from_string_handle``), and ``Dataset.reduce``.

An iterator is a per-session resource (op ``IteratorV2``/``OneShotIterator``) holding a Python
iterator over a dataset's run-time value. ``MakeIterator`` (re)starts it; ``IteratorGetNext``
returns the next element or raises ``OutOfRangeError: End of sequence``.
"""

from __future__ import annotations

import threading

import numpy as np

from tfcompat.client.executor import compile_plan
from tfcompat.data import structure
from tfcompat.data.dataset_kernels import _value_of
from tfcompat.data.dataset_ops import Dataset
from tfcompat.data.functions import TracedFunction
from tfcompat.framework import dtypes, errors, ops, run_deadline
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.resource_container import (
    ResourceHandle,
    bind_resource_op,
    container_for,
    handle_array,
    resource_of,
)
from tfcompat.protobuf.tensor_pb2 import VariantTensorDataProto
from tfcompat.training.saveable_object import SaveableObject, SaveSpec


class IteratorResource:
    """One iterator in one session: the Python iterator over the current dataset."""

    def __init__(self, name: str):
        self.name = name
        self._lock = threading.Lock()
        self._iterator = None
        self._dataset_value = None
        self.consumed = 0  # elements produced since start (an iterator checkpoint's position)

    def start(self, dataset_value) -> None:
        with self._lock:
            self._iterator = iter(dataset_value)
            self._dataset_value = dataset_value
            self.consumed = 0

    @property
    def started(self) -> bool:
        return self._iterator is not None

    def next(self) -> tuple:
        run_deadline.acquire(self._lock)  # another run may be stepping this iterator
        try:
            if self._iterator is None:
                raise errors.FailedPreconditionError(
                    None, None, "GetNext() failed because the iterator has not been "
                    "initialized. Ensure that you have run the initializer operation for this "
                    "iterator before getting the next element.")
            try:
                element = next(self._iterator)
            except StopIteration:
                raise errors.OutOfRangeError(None, None, "End of sequence") from None
            self.consumed += 1
            return element
        finally:
            self._lock.release()

    def seek(self, consumed: int) -> None:
        """Restarts over the same dataset and skips ``consumed`` elements (a restore)."""
        with self._lock:
            self._iterator = iter(self._dataset_value)
            self.consumed = 0
            for _ in range(consumed):
                try:
                    next(self._iterator)
                except StopIteration:
                    break
                self.consumed += 1


def _resource_shape(op):
    return [(dtypes.resource, TensorShape([]))]


_ITERATOR_ATTRS = {"shared_name": "", "container": ""}
register_op("IteratorV2", shape_fn=_resource_shape, foldable=False,
            bind=bind_resource_op(lambda op, name: IteratorResource(name)),
            attr_defaults=_ITERATOR_ATTRS, grad=NOT_DIFFERENTIABLE)


def _bind_one_shot(op, state):
    make = bind_resource_op(lambda op, name: IteratorResource(name))(op, state)
    variant = op._attrs["dataset_factory"]
    plan = compile_plan([variant], [], [], state)

    def kernel():
        handle = make()
        resource = resource_of(handle)
        if not resource.started:
            resource.start(_value_of(plan.function()[0]))
        return handle
    return kernel


register_op("OneShotIterator", shape_fn=_resource_shape, bind=_bind_one_shot, foldable=False,
            attr_defaults=_ITERATOR_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("MakeIterator", inputs=("dataset: variant", "iterator: resource"),
            shape_fn=lambda op: [], foldable=False, grad=NOT_DIFFERENTIABLE,
            bind=lambda op, state: lambda d, h: resource_of(h).start(_value_of(d)))


def _get_next_shape(op):
    return list(zip(op._attrs["output_types"], op._attrs["output_shapes"]))


def _bind_get_next(op, state):
    def kernel(handle):
        element = resource_of(handle).next()
        return element[0] if len(element) == 1 else tuple(element)
    return kernel


register_op("IteratorGetNext", inputs=("iterator: resource",), shape_fn=_get_next_shape,
            bind=_bind_get_next, foldable=False, grad=NOT_DIFFERENTIABLE)


def _bind_to_string_handle(op, state):
    container = container_for(state)

    def kernel(handle):
        resource = resource_of(handle)
        key = f"tfcompat-iterator:{resource.name}"
        container.lookup_or_create(key, lambda unique: resource)
        out = np.empty((), dtype=object)
        out[()] = key.encode()
        return out
    return kernel


def _bind_from_string_handle(op, state):
    container = container_for(state)

    def kernel(string_handle):
        key = np.asarray(string_handle, dtype=object)[()]
        key = key.decode() if isinstance(key, bytes) else str(key)
        missing = object()
        resource = container.lookup_or_create(key, lambda unique: missing)
        if resource is missing:
            raise errors.InvalidArgumentError(None, None, f"Could not find iterator for handle "
                                              f"{key}")
        return handle_array(ResourceHandle(key, resource))
    return kernel


register_op("IteratorToStringHandle", inputs=("resource_handle: resource",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))],
            bind=_bind_to_string_handle, foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("IteratorFromStringHandleV2", inputs=("string_handle: string",),
            shape_fn=_resource_shape, bind=_bind_from_string_handle, foldable=False,
            attr_defaults={"output_types": [], "output_shapes": []}, grad=NOT_DIFFERENTIABLE)


class Iterator:
    """An iterator over a dataset (``tf.compat.v1.data.Iterator``)."""

    def __init__(self, iterator_resource, initializer, output_types, output_shapes,
                 output_classes=None):
        self._iterator_resource = iterator_resource
        self._initializer = initializer
        self._types = output_types
        self._shapes = output_shapes
        self._get_next_calls = 0
        # TF makes every iterator's string handle up front (``string_handle()`` returns it).
        self._string_handle = ops.apply_op("IteratorToStringHandle", [iterator_resource],
                                           name="IteratorToStringHandle")

    @staticmethod
    def from_structure(output_types, output_shapes=None, shared_name=None,
                       output_classes=None):
        """An iterator not bound to a dataset: ``make_initializer(dataset)`` binds it."""
        types = structure.normalize_types(output_types)
        shapes = structure.normalize_shapes(output_shapes, types)
        resource = ops.apply_op("IteratorV2", [], name="IteratorV2", attrs={
            "shared_name": shared_name or "", "output_types": structure.flatten(types),
            "output_shapes": structure.flatten(shapes)})
        return Iterator(resource, None, types, shapes)

    @staticmethod
    def from_string_handle(string_handle, output_types, output_shapes=None,
                           output_classes=None):
        """An iterator standing for whichever iterator's ``string_handle()`` is fed."""
        types = structure.normalize_types(output_types)
        shapes = structure.normalize_shapes(output_shapes, types)
        string_handle = ops.convert_to_tensor(string_handle, dtype=dtypes.string)
        resource = ops.apply_op("IteratorFromStringHandleV2", [string_handle],
                                name="IteratorFromStringHandleV2", attrs={
                                    "output_types": structure.flatten(types),
                                    "output_shapes": structure.flatten(shapes)})
        return Iterator(resource, None, types, shapes)

    @property
    def initializer(self):
        if self._initializer is None:
            raise ValueError("The iterator does not have an initializer. This means it was "
                             "likely created using `tf.data.Dataset.make_one_shot_iterator()`. "
                             "For an initializable iterator, use "
                             "`tf.data.Dataset.make_initializable_iterator()` instead.")
        return self._initializer

    @property
    def output_types(self):
        return structure.map_structure(
            lambda t: t.dtype if isinstance(t, structure.SparseType) else t, self._types)

    @property
    def output_shapes(self):
        return self._shapes

    @property
    def output_classes(self):
        from tfcompat.framework.sparse_tensor import SparseTensor
        return structure.map_structure(
            lambda t: SparseTensor if isinstance(t, structure.SparseType) else ops.Tensor,
            self._types)

    @property
    def element_spec(self):
        """The structure of TypeSpecs of the iterator's elements."""
        from tfcompat.data.element_specs import spec_of
        return spec_of(self._types, self._shapes)

    def make_initializer(self, dataset, name=None):
        """An op (re)starting this iterator on ``dataset`` (of a compatible structure)."""
        structure.check_same_structure(self._types, dataset._types)
        for a, b in zip(structure.flatten(self._types), dataset._flat_types()):
            if a is not b:
                raise TypeError(f"Expected output types {self._types} but got dataset with "
                                f"output types {dataset._types}.")
        with ops.name_scope(name, "make_initializer") as name:
            return ops.apply_op("MakeIterator", [dataset._variant_tensor,
                                                 self._iterator_resource], name=name)

    def get_next(self, name=None):
        """The next element's tensors (raises OutOfRangeError at the end when run)."""
        self._get_next_calls += 1
        out = ops.apply_op("IteratorGetNext", [self._iterator_resource],
                           name=name or "IteratorGetNext", attrs={
                               "output_types": structure.component_types(self._types),
                               "output_shapes": structure.component_shapes(self._types,
                                                                           self._shapes)})
        flat = out if isinstance(out, list) else [out]
        return structure.pack_components(self._types, flat)

    def get_next_as_optional(self):
        """The next element as a ``tf.data.experimental.Optional`` (empty at the end)."""
        from tfcompat.data.optional import get_next_as_optional
        return get_next_as_optional(self)

    def string_handle(self, name=None):
        """A string tensor naming this iterator, to feed a ``from_string_handle`` iterator."""
        if name is None:
            return self._string_handle
        return ops.apply_op("IteratorToStringHandle", [self._iterator_resource], name=name)


def _uncapturable_input(tensor):
    """The first placeholder or stateful op (a variable, a random op...) a one-shot
    iterator's dataset depends on, inputs before consumers, else None: TF builds the dataset
    inside the iterator's own function, which copies the ops it needs by value and cannot
    copy those."""
    seen = set()
    stack = [(tensor.op, False)]
    while stack:
        op, inputs_done = stack.pop()
        if inputs_done:
            if op.type == "Placeholder" or op._op_def.is_variable or op._op_def.stateful:
                return op
            continue
        if id(op) in seen:
            continue
        seen.add(id(op))
        stack.append((op, True))
        stack.extend((c, False) for c in reversed(op.control_inputs))
        stack.extend((t.op, False) for t in reversed(op.inputs))
    return None


def make_one_shot_iterator(dataset) -> Iterator:
    """An iterator that starts itself on first use (the dataset may not capture placeholders
    or variables)."""
    op = _uncapturable_input(dataset._variant_tensor)
    if op is not None and op.type == "Placeholder":
        raise ValueError(f"Cannot capture a placeholder (name:{op.name}, type:Placeholder) "
                         "by value.")
    if op is not None:
        raise ValueError(
            f"Cannot capture a stateful node (name:{op.name}, type:{op.type}) by value.: A "
            "likely cause of this error is that the dataset for which you are calling "
            "`make_one_shot_iterator()` captures a stateful object, such as a `tf.Variable` "
            "or `tf.lookup.StaticHashTable`, which is not supported. Use "
            "`make_initializable_iterator()` instead.")
    resource = ops.apply_op("OneShotIterator", [], name="OneShotIterator", attrs={
        "dataset_factory": dataset._variant_tensor,
        "output_types": dataset._flat_types(), "output_shapes": dataset._flat_shapes()})
    return Iterator(resource, None, dataset._types, dataset._shapes)


def make_initializable_iterator(dataset, shared_name=None) -> Iterator:
    """An iterator with an ``initializer`` op that (re)starts it on the dataset."""
    resource = ops.apply_op("IteratorV2", [], name="IteratorV2", attrs={
        "shared_name": shared_name or "", "output_types": dataset._flat_types(),
        "output_shapes": dataset._flat_shapes()})
    initializer = ops.apply_op("MakeIterator", [dataset._variant_tensor, resource],
                               name="MakeIterator")
    return Iterator(resource, initializer, dataset._types, dataset._shapes)


# ---- Dataset.reduce ---------------------------------------------------------------------------

def _bind_reduce(op, state):
    fn = op._attrs["f"]
    n_state = op._attrs["num_state"]

    def kernel(dataset, *rest):
        values, captured = tuple(rest[:n_state]), fn.bind_captures(state, rest[n_state:])
        call = fn.plan_for(state)
        for element in _value_of(dataset):
            values = tuple(call(*values, *element, *captured))
        return values[0] if len(values) == 1 else values
    return kernel


register_op("ReduceDataset", inputs=("input_dataset: variant", "initial_state: list(Tstate)",
                                     "other_arguments: list(Targuments)"),
            shape_fn=lambda op: list(zip(op._attrs["output_types"],
                                         op._attrs["output_shapes"])),
            bind=_bind_reduce, foldable=False, grad=NOT_DIFFERENTIABLE)


def reduce_dataset(dataset: Dataset, initial_state, reduce_func):
    initial = structure.to_tensors(initial_state, name="initial_state")
    flat_initial = structure.flatten(initial)
    state_types = structure.map_structure(lambda t: t.dtype.base_dtype, initial)
    state_shapes = structure.map_structure(lambda t: t.shape, initial)
    fn = TracedFunction(lambda s, e: reduce_func(s, e), (state_types, dataset._types),
                        (state_shapes, dataset._shapes), name="reduce")
    out = ops.apply_op("ReduceDataset", [dataset._variant_tensor, flat_initial,
                                         fn.captured_inputs],
                       name="ReduceDataset", attrs={
                           "f": fn, "num_state": len(flat_initial),
                           "output_types": [t.dtype.base_dtype for t in fn.outputs],
                           "output_shapes": [t.shape for t in fn.outputs]})
    flat = out if isinstance(out, list) else [out]
    return structure.pack_as(initial, flat)



# ---- get_single_element -----------------------------------------------------------------------

def _bind_single_element(op, state):
    def kernel(dataset):
        iterator = iter(_value_of(dataset))
        try:
            element = next(iterator)
        except StopIteration:
            raise errors.InvalidArgumentError(None, None, "Dataset was empty.") from None
        try:
            next(iterator)
        except StopIteration:
            return element[0] if len(element) == 1 else tuple(element)
        raise errors.InvalidArgumentError(None, None, "Dataset had more than one element.")
    return kernel


register_op("DatasetToSingleElement", inputs=("dataset: variant",), shape_fn=_get_next_shape,
            bind=_bind_single_element, foldable=False, grad=NOT_DIFFERENTIABLE)


def get_single_element(dataset):
    """The tensors of the only element of ``dataset`` (``tf.data.experimental``)."""
    out = ops.apply_op("DatasetToSingleElement", [dataset._variant_tensor],
                       name="DatasetToSingleElement", attrs={
                           "output_types": dataset._flat_types(),
                           "output_shapes": dataset._flat_shapes()})
    flat = out if isinstance(out, list) else [out]
    return structure.pack_components(dataset._types, flat)


# ---- saving an iterator's position with a Saver (make_saveable_from_iterator) ---------------
# TF serializes the whole iterator state (every dataset kernel's buffers) as variant elements of
# type "tensorflow::Iterator". tfcompat's iterators are Python generators, so the state saved is
# a position instead: one variant element of type "tfcompat::IteratorPosition" whose metadata is
# the number of elements produced since the iterator was (re)initialized. Restoring restarts the
# iterator over its current dataset and skips that many elements, so it resumes at the right
# element for deterministic input pipelines (sources, map, batch, repeat, ...) -- always when
# restoring right after (re)initializing, as when a job resumes in a new session. Replaying
# continues any state the dataset keeps across passes: restoring in the same session after
# reading on, a reshuffling shuffle (reshuffle_each_iteration=True) replays a later order, and
# pipelines with outside state (py_func side effects, from_generator) replay what they give.

_POSITION_TYPE = "tfcompat::IteratorPosition"
_EXTERNAL_STATE_POLICIES = {"warn": 0, "ignore": 1, "fail": 2}


def _bind_serialize(op, state):
    def kernel(handle):
        resource = resource_of(handle)
        if not resource.started:
            raise errors.FailedPreconditionError(
                None, None, "GetNext() failed because the iterator has not been initialized. "
                "Ensure that you have run the initializer operation for this iterator before "
                "getting the next element.")
        element = VariantTensorDataProto(type_name=_POSITION_TYPE,
                                         metadata=str(resource.consumed).encode())
        return np.array([element], dtype=object)
    return kernel


register_op("SerializeIterator", inputs=("resource_handle: resource",),
            shape_fn=lambda op: [(dtypes.variant, TensorShape([None]))], bind=_bind_serialize,
            foldable=False, attr_defaults={"external_state_policy": 0},
            grad=NOT_DIFFERENTIABLE)


def _bind_deserialize(op, state):
    def kernel(handle, serialized):
        resource = resource_of(handle)
        elements = np.asarray(serialized, dtype=object).reshape(-1)
        if len(elements) != 1 or getattr(elements[0], "type_name", None) != _POSITION_TYPE:
            raise errors.UnimplementedError(
                None, None, "tfcompat restores only iterator positions saved by tfcompat, not "
                "TensorFlow's serialized iterator states")
        if not resource.started:
            raise errors.FailedPreconditionError(
                None, None, "tfcompat restores an iterator's position over its dataset: run "
                "the iterator's initializer before restoring it")
        resource.seek(int(elements[0].metadata.decode()))
    return kernel


register_op("DeserializeIterator", inputs=("resource_handle: resource", "serialized: variant"),
            shape_fn=lambda op: [], bind=_bind_deserialize, foldable=False,
            grad=NOT_DIFFERENTIABLE)


class _IteratorSaveable(SaveableObject):
    """An iterator's position as a Saver saveable (``<iterator>_STATE`` in the checkpoint)."""

    def __init__(self, iterator_resource, name, external_state_policy=0):
        serialized = ops.apply_op("SerializeIterator", [iterator_resource],
                                  name="SerializeIterator",
                                  attrs={"external_state_policy": external_state_policy})
        specs = [SaveSpec(serialized, "", name + "_STATE", device=iterator_resource.device)]
        super().__init__(iterator_resource, specs, name)

    def restore(self, restored_tensors, restored_shapes):
        with self.op.graph.colocate_with(self.op.op):
            return ops.apply_op("DeserializeIterator", [self.op, restored_tensors[0]],
                                name="DeserializeIterator")


def make_saveable_from_iterator(iterator, external_state_policy=None):
    """A SaveableObject saving ``iterator``'s position with a ``tf.train.Saver``
    (``tf.data.experimental.make_saveable_from_iterator``); add it to the ``saveable_objects``
    collection or a Saver's ``var_list``. tfcompat saves a position, which TF cannot restore,
    and restores only positions tfcompat saved."""
    policy = "fail" if external_state_policy is None else external_state_policy
    if policy not in _EXTERNAL_STATE_POLICIES:
        raise ValueError(f"Invalid `ExternalStatePolicy.` Supported values include 'warn', "
                         f"'ignore', and 'fail.' Received {policy}.")
    resource = iterator._iterator_resource
    return _IteratorSaveable(resource, resource.name, _EXTERNAL_STATE_POLICIES[policy])
