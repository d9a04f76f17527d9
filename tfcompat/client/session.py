"""``tf.Session``: runs parts of a graph, holding variable values and random streams."""

from __future__ import annotations

import contextlib
import operator
import threading

import numpy as np

from tfcompat.client.executor import (
    Plan,
    SessionState,
    compile_plan,
    run_plan,
)
from tfcompat.client.fetches import FetchMapper
from tfcompat.client.intra_op import session_threads
from tfcompat.client.run_results import fetched_values
from tfcompat.framework import dtypes, errors, run_deadline
from tfcompat.framework import ops as ops_lib
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.ops.resource_container import cancel_session_resources

# Plans kept per session; the oldest is dropped beyond this (a plan is cheap to recompile).
_PLAN_CACHE_SIZE = 1024


class _DefaultSessionStack(threading.local):
    def __init__(self):
        super().__init__()
        self.stack: list[BaseSession] = []


from tfcompat.framework.default_session import _default_session_stack  # noqa: E402


def get_default_session():
    """The innermost session made default by ``with sess.as_default()`` (or None)."""
    stack = _default_session_stack.stack
    return stack[-1] if stack else None


class ConfigProto:
    """Session configuration. ``intra_op_parallelism_threads`` bounds the threads one op uses
    (numpy's BLAS); the other fields are accepted for compatibility."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
        self.gpu_options = kwargs.get("gpu_options", GPUOptions())
        self.graph_options = kwargs.get("graph_options", GraphOptions())


class GPUOptions:
    """Accepted for compatibility (there are no GPUs here)."""

    def __init__(self, **kwargs):
        self.allow_growth = False
        self.per_process_gpu_memory_fraction = 0.0
        self.__dict__.update(kwargs)


class GraphOptions:
    """Graph options of a session config; ``rewrite_options`` is a ``RewriterConfig``."""

    def __init__(self, **kwargs):
        # lazy: the protobuf messages load only for a session config, not for every Session
        from tfcompat.protobuf.rewriter_config_pb2 import RewriterConfig

        self.rewrite_options = RewriterConfig()
        self.__dict__.update(kwargs)


class RunOptions:
    FULL_TRACE = 3
    SOFTWARE_TRACE = 1
    HARDWARE_TRACE = 2
    NO_TRACE = 0

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class BaseSession:
    def __init__(self, target="", graph=None, config=None):
        if graph is None:
            graph = ops_lib.get_default_graph()
        elif not isinstance(graph, ops_lib.Graph):
            raise TypeError(f"graph must be a tf.Graph, but got {type(graph)}")
        self._graph = graph
        self._target = target.encode() if isinstance(target, str) else target
        self._config = config
        self._closed = False
        self._state = SessionState()
        self._state.intra_op_threads = session_threads(config)
        self._state.skip_unused_ops = _dependency_optimization(config)
        self._plans: dict[tuple, Plan] = {}
        self._fetch_mappers: dict[int, tuple[object, FetchMapper]] = {}
        self._flat_fetch_mappers: dict[tuple, tuple[tuple, FetchMapper]] = {}
        # Feed keys that are tensors of a numeric dtype: [key, tensor, numpy dtype, dims, the
        # last fed shape that fit dims].
        self._plain_feeds: dict[int, list] = {}
        self._lock = threading.Lock()

    @property
    def graph(self):
        return self._graph

    @property
    def graph_def(self):
        return self._graph.as_graph_def()

    @property
    def sess_str(self):
        return self._target

    def as_default(self):
        """Makes this the default session inside a ``with`` block (does not close it)."""
        return _session_as_default(self)

    def close(self) -> None:
        """Closes the session, freeing the variable values and plans it holds."""
        self._closed = True
        # Wakes threads blocked in this session's queues (queue runners) with CancelledError.
        cancel_session_resources(self._state)
        with self._lock:
            self._state.clear()
            self._plans.clear()
            self._fetch_mappers.clear()
            self._flat_fetch_mappers.clear()
            self._plain_feeds.clear()

    def list_devices(self):
        return []

    # -- running

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        """Runs the ops needed for ``fetches``, feeding ``feed_dict``; mirrors their structure."""
        del run_metadata
        if self._closed:
            raise RuntimeError("Attempted to use a closed Session.")
        if not self._graph._ops:
            raise RuntimeError("The Session graph is empty. Add operations to the graph before "
                               "calling run().")
        mapper = self._mapper_for(fetches)
        feeds = self._process_feeds(feed_dict) if feed_dict else ((), [], [])
        timeout = getattr(options, "timeout_in_ms", 0) or getattr(
            self._config, "operation_timeout_in_ms", 0)
        if not timeout:
            return mapper.rebuild(self._run_elements(mapper, *feeds))
        with run_deadline.deadline_after(timeout):
            values = self._run_elements(mapper, *feeds)
        return mapper.rebuild(values)

    def _mapper_for(self, fetches) -> FetchMapper:
        cached = self._fetch_mappers.get(id(fetches))
        if cached is not None and cached[0] is fetches:
            return cached[1]
        kind = type(fetches)
        if kind is list or kind is tuple:
            # A flat list of graph elements (``[train_op, loss]``), usually a new list object on
            # every run: cached by its elements' identities, checked one by one on a hit.
            key = (kind, *map(id, fetches))
            cached = self._flat_fetch_mappers.get(key)
            if cached is not None and all(map(operator.is_, cached[0], fetches)):
                return cached[1]
        mapper = FetchMapper(self._graph, fetches)
        if _is_graph_element(fetches):
            self._fetch_mappers[id(fetches)] = (fetches, mapper)
        elif (kind is list or kind is tuple) and all(map(_is_graph_element, fetches)):
            if len(self._flat_fetch_mappers) >= _PLAN_CACHE_SIZE:  # bounded, oldest out
                self._flat_fetch_mappers.pop(next(iter(self._flat_fetch_mappers)), None)
            self._flat_fetch_mappers[key] = (tuple(fetches), mapper)
        return mapper

    def _process_feeds(self, feed_dict) -> tuple[tuple[Tensor, ...], list, list]:
        """The fed tensors, the values as given (converted to the tensors' dtypes) and the
        values kernels see (strings as bytes, quantized values as their storage)."""
        tensors = []
        values = []
        kernel_values = []
        plain = self._plain_feeds
        unfeedable = self._graph._unfeedable
        for key, value in feed_dict.items():
            spec = plain.get(id(key))
            if (spec is not None and spec[0] is key and type(value) is np.ndarray
                    and value.dtype == spec[2] and id(spec[1]) not in unfeedable
                    and (value.shape == spec[4] or _shape_fits(spec[3], value.shape))):
                # A numeric array of the tensor's dtype is fed as is: no copy, no conversion.
                spec[4] = value.shape  # (the last shape that fit: the next run's quick test)
                tensors.append(spec[1])
                values.append(value)
                kernel_values.append(value)
                continue
            for part_key, part in _expand_sparse_feeds({key: value}):
                tensor = self._feed_key_to_tensor(part_key)
                if not self._graph.is_feedable(tensor):
                    raise ValueError(f"Tensor {tensor} may not be fed.")
                np_value = _convert_feed(part, tensor)
                dims = tensor.shape.as_tuple()
                if not _shape_fits(dims, np_value.shape):
                    raise ValueError(f"Cannot feed value of shape {np_value.shape} for Tensor "
                                     f"{tensor.name}, which has shape {tensor.shape}")
                tensors.append(tensor)
                values.append(np_value)
                kernel_values.append(_kernel_value(np_value))
                if part_key is tensor and _plain_dtype(tensor.dtype):
                    plain[id(tensor)] = [tensor, tensor, np.dtype(tensor.dtype.as_numpy_dtype),
                                         dims, None]
        return tuple(tensors), values, kernel_values

    def _feed_key_to_tensor(self, key) -> Tensor:
        if isinstance(key, Tensor):
            if key.graph is not self._graph:
                raise TypeError(f"Cannot interpret feed_dict key as Tensor: Tensor {key} is not "
                                "an element of this graph.")
            return key
        try:
            element = self._graph.as_graph_element(key, allow_tensor=True,
                                                   allow_operation=False)
        except (TypeError, ValueError, KeyError) as e:
            detail = e.args[0] if e.args else str(e)
            raise TypeError(f"Cannot interpret feed_dict key as Tensor: {detail}") from None
        return element

    def _run_elements(self, mapper: FetchMapper, feed_tensors: tuple, feed_values: list,
                      kernel_values: list) -> list:
        key = (mapper.key, tuple(map(id, feed_tensors)))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._compile(key, mapper, feed_tensors)
        outputs = run_plan(plan, kernel_values)
        if plan.ref_fetches:
            outputs = list(outputs)
            variables = self._state.variables
            for index, name in plan.ref_fetches:
                outputs[index] = variables.get(name, outputs[index])
        results = iter(fetched_values(outputs, plan.fetch_feed_index, feed_values))
        return [next(results) if isinstance(e, Tensor) else None for e in mapper.elements]

    def _compile(self, key, mapper: FetchMapper, feed_tensors: tuple) -> Plan:
        """Compiles (once, even when threads race for it) and caches the plan for ``key``."""
        for t in mapper.tensors:
            if not self._graph.is_fetchable(t):
                raise errors.InaccessibleTensorError(
                    f"Operation {t.op.name} has been marked as not fetchable. Typically this "
                    "happens when it is defined in another function or code block. Use "
                    "return values, explicit Python locals or TensorFlow collections to "
                    "access it.")
        with self._lock:
            plan = self._plans.get(key)
            if plan is None:
                plan = compile_plan(mapper.tensors, mapper.targets, list(feed_tensors),
                                    self._state)
                if len(self._plans) >= _PLAN_CACHE_SIZE:
                    # Bounded: a program fetching ever new structures keeps flat memory.
                    del self._plans[next(iter(self._plans))]
                self._plans[key] = plan
        return plan

    def make_callable(self, fetches, feed_list=None, accept_options=False):
        """Returns a function running ``fetches`` with positional feeds for ``feed_list``."""
        feed_list = list(feed_list or [])

        def call(*args, **kwargs):
            return self.run(fetches, dict(zip(feed_list, args)))
        return call

    def partial_run_setup(self, fetches, feeds=None):
        raise errors.UnimplementedError(None, None, "tfcompat does not support partial_run yet.")


def _is_graph_element(fetch) -> bool:
    """Whether ``fetch`` names one graph element for good (a tensor, an operation, a variable),
    so the mapper built for it can be reused."""
    return isinstance(fetch, (Tensor, Operation)) or hasattr(fetch, "_as_graph_element")


def _dependency_optimization(config) -> bool:
    """Whether plans skip side-effect-free ops nothing reads, as TF's grappler dependency
    optimizer does unless the config's RewriterConfig turns it or grappler off."""
    rewrite = getattr(getattr(config, "graph_options", None), "rewrite_options", None)
    if rewrite is None:
        return True
    from tfcompat.protobuf.rewriter_config_pb2 import RewriterConfig
    return (not getattr(rewrite, "disable_meta_optimizer", False)
            and getattr(rewrite, "dependency_optimization", 0) != RewriterConfig.OFF)


def _expand_sparse_feeds(feed_dict):
    """Feed items, with a SparseTensor key fed its three parts."""
    for key, value in feed_dict.items():
        if isinstance(key, SparseTensor):
            if not isinstance(value, tuple) or len(value) != 3:
                raise TypeError(f"The value of a SparseTensor feed must be a "
                                f"tf.compat.v1.SparseTensorValue or a 3-tuple, got {value!r}.")
            yield from zip((key.indices, key.values, key.dense_shape), value)
        elif hasattr(key, "_composite_feed"):  # a composite tensor (RaggedTensor)
            yield from key._composite_feed(value)
        else:
            yield key, value


def _plain_dtype(dtype) -> bool:
    """Whether kernels see a fed array of ``dtype`` as it is (numeric, not quantized)."""
    return (dtype.is_numpy_compatible and not dtype.is_quantized and dtype is not dtypes.string
            and not dtype.is_ref_dtype)


def _kernel_value(value: np.ndarray) -> np.ndarray:
    """What kernels see of a fed value: string tensors hold bytes, as in TF's runtime, and
    quantized ones their plain storage integers."""
    value = dtypes.storage_view(value)
    if value.dtype == object and any(isinstance(v, str) for v in value.reshape(-1)):
        encoded = np.empty(value.shape, dtype=object)
        encoded.reshape(-1)[:] = [v.encode() if isinstance(v, str) else v
                                  for v in value.reshape(-1)]
        return encoded
    return value


def _shape_fits(dims: tuple | None, value_shape: tuple) -> bool:
    """Whether a fed value's shape fits the tensor's static dims (None: unknown)."""
    if dims is None:
        return True
    return len(dims) == len(value_shape) and all(
        d is None or d == v for d, v in zip(dims, value_shape))


def _convert_feed(value, tensor: Tensor) -> np.ndarray:
    dtype = tensor.dtype.base_dtype
    if isinstance(value, Tensor):
        raise TypeError("The value of a feed cannot be a tf.Tensor object. Acceptable feed "
                        "values include Python scalars, strings, lists, numpy ndarrays, or "
                        "TensorHandles. For reference, the tensor object was "
                        f"{value} which was passed to the argument `feed_dict` with key "
                        f"{tensor}.")
    if dtype is dtypes.string:
        return np.array(value, dtype=object)
    if value is None:
        return np.asarray(np.nan, dtype=dtype.as_numpy_dtype)
    if isinstance(value, int) and not ops_lib.ints_fit(value, dtype):
        # TF refuses a Python int scalar out of the feed's range (lists and numpy values wrap).
        if not -2**63 <= value < 2**64:
            raise OverflowError("Python int too large to convert to C long")
        raise TypeError(f"Type of feed value {value} with type {type(value)} is not compatible "
                        f"with Tensor type {dtype.as_numpy_dtype}. Try explicitly setting the "
                        "type of the feed tensor to a larger type (e.g. int64).")
    if dtype.is_quantized:
        # TF feeds (and returns when fetched) the value in its structured numpy form.
        storage = dtypes.storage_type(dtype)
        plain = dtypes.storage_view(value) if isinstance(value, np.ndarray) else value
        return np.asarray(plain, storage).view(dtype.as_numpy_dtype)
    array = value if isinstance(value, np.ndarray) else np.asarray(value)
    np_type = dtype.as_numpy_dtype
    if array.dtype == np_type:
        return array
    with np.errstate(over="ignore"):  # out-of-range floats become inf, as in TF
        return array.astype(np_type)


@contextlib.contextmanager
def _session_as_default(session):
    _default_session_stack.stack.append(session)
    try:
        yield session
    finally:
        stack = _default_session_stack.stack
        if stack and stack[-1] is session:
            stack.pop()


class Session(BaseSession):
    """A class for running TensorFlow operations (``tf.Session``).

    ``with tf.Session() as sess:`` makes it the default session and closes it on exit.
    """

    def __init__(self, target="", graph=None, config=None):
        super().__init__(target, graph, config)
        self._default_ctx = None

    def __enter__(self):
        self._default_ctx = contextlib.ExitStack()
        self._default_ctx.enter_context(self._graph.as_default())
        self._default_ctx.enter_context(self.as_default())
        return self

    def __exit__(self, exc_type, exc, tb):
        ctx, self._default_ctx = self._default_ctx, None
        if ctx is not None:
            ctx.__exit__(exc_type, exc, tb)
        self.close()
        return False

    @staticmethod
    def reset(target, containers=None, config=None):
        """Resets resource containers on a target; a no-op for in-process sessions."""


class InteractiveSession(BaseSession):
    """A session that installs itself as the default session on construction."""

    def __init__(self, target="", graph=None, config=None):
        super().__init__(target, graph, config)
        self._default_ctx = contextlib.ExitStack()
        self._default_ctx.enter_context(self._graph.as_default())
        self._default_ctx.enter_context(self.as_default())

    def close(self) -> None:
        super().close()
        ctx, self._default_ctx = self._default_ctx, None
        if ctx is not None:
            ctx.__exit__(None, None, None)
