"""``tf.layers.Layer``: the TF1 layer base class, building the graph TF's legacy layers build.

A layer owns a variable scope. ``tf.layers.dense(x, 4, name="fc")`` captures
``variable_scope("fc")`` when the layer is made; an unnamed layer opens
``variable_scope(None, default_name="dense")`` on its first call (so variable scopes
``dense``, ``dense_1``... are unique). Every call re-enters
that scope's original name scope, so ops read ``dense/MatMul``, then ``dense/MatMul_1`` on a
second call, and variables come from ``get_variable`` as ``dense/kernel``, ``dense/bias``.
"""

from __future__ import annotations

import contextlib
import re
import weakref

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys, Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.variables import variable_scope as vs

# Per graph: how many unnamed layers of each kind exist, for Keras-style names (dense_1...).
_LAYER_NAME_COUNTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def to_snake_case(name: str) -> str:
    """``MaxPooling2D`` -> ``max_pooling2d``, as Keras names layers."""
    intermediate = re.sub("(.)([A-Z][a-z0-9]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", intermediate).lower()


def _unique_layer_name(base: str) -> str:
    counts = _LAYER_NAME_COUNTS.setdefault(ops.get_default_graph(), {})
    counts[base] = counts.get(base, 0) + 1
    return f"{base}_{counts[base]}"


class InputSpec:
    """The rank, shape and axis constraints a layer checks its input against."""

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None,
                 axes=None):
        self.dtype = dtypes.as_dtype(dtype).name if dtype is not None else None
        self.shape = shape
        self.ndim = len(shape) if shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = dict(axes or {})

    def __repr__(self) -> str:
        parts = [f"{key}={value}" for key, value in (
            ("dtype", self.dtype), ("shape", self.shape), ("ndim", self.ndim),
            ("max_ndim", self.max_ndim), ("min_ndim", self.min_ndim)) if value is not None]
        if self.axes:
            parts.append(f"axes={self.axes}")
        return f"InputSpec({', '.join(parts)})"


def _full_shape(shape: TensorShape) -> str:
    return str(tuple(shape.dims)) if shape.ndims is not None else "<unknown>"


class Layer:
    """Base layer class (``tf.layers.Layer``): variables via ``add_weight``, ops via ``call``.

    Subclasses implement ``build(input_shape)`` (creating weights) and ``call(inputs)``.
    """

    def __init__(self, trainable=True, name=None, dtype=None, _scope=None, _reuse=None):
        self.trainable = trainable
        self.built = False
        self.input_spec: InputSpec | None = None
        self._dtype = dtypes.as_dtype(dtype).base_dtype if dtype is not None else None
        self._trainable_weights: list = []
        self._non_trainable_weights: list = []
        self._losses: list[Tensor] = []
        self._reuse = _reuse
        base_name = to_snake_case(type(self).__name__)
        if name:
            self._name, self._base_name = name, name
        else:
            self._name, self._base_name = _unique_layer_name(base_name), base_name
        self._scope: vs.VariableScope | None = None
        self._current_scope: vs.VariableScope | None = None
        if _scope is not None:
            with vs.variable_scope(_scope) as captured:
                self._scope = captured

    # -- properties

    @property
    def name(self) -> str:
        return self._name

    @property
    def dtype(self):
        return self._dtype.name if self._dtype is not None else None

    @property
    def scope_name(self) -> str:
        if self._scope is None:
            raise ValueError("No name available for layer scope because the layer \""
                             f"{self._name}\" has not been used yet. The scope name  is "
                             "determined the first time the layer instance is called. You "
                             "must therefore call the layer before querying `scope_name`.")
        return self._scope.name

    @property
    def trainable_weights(self) -> list:
        return list(self._trainable_weights) if self.trainable else []

    @property
    def non_trainable_weights(self) -> list:
        if self.trainable:
            return list(self._non_trainable_weights)
        return self._trainable_weights + self._non_trainable_weights

    @property
    def weights(self) -> list:
        return self.trainable_weights + self.non_trainable_weights

    # Aliases read the (possibly overridden) weight properties.
    trainable_variables = property(lambda self: self.trainable_weights)
    non_trainable_variables = property(lambda self: self.non_trainable_weights)
    variables = property(lambda self: self.weights)

    @property
    def losses(self) -> list[Tensor]:
        return list(self._losses)

    @property
    def updates(self) -> list:
        return []

    # -- building

    def build(self, input_shape) -> None:
        self.built = True

    def call(self, inputs, **kwargs):
        return inputs

    def add_weight(self, name, shape, dtype=None, initializer=None, regularizer=None,
                   trainable=True, constraint=None):
        """Creates (or, when reusing, fetches) ``<scope>/<name>`` with ``tf.get_variable``."""
        dtype = dtypes.as_dtype(dtype or self._dtype or dtypes.float32)
        graph = ops.get_default_graph()
        existing = set(graph.get_collection(GraphKeys.GLOBAL_VARIABLES))
        reuse = self.built or self._reuse
        with vs.variable_scope(self._scope, reuse=reuse, auxiliary_name_scope=False):
            variable = vs.get_variable(name, shape=shape, dtype=dtype, initializer=initializer,
                                       trainable=trainable and self.trainable,
                                       constraint=constraint)
        if regularizer is not None and variable not in existing:
            # The loss is named under the layer's name scope: <layer>/kernel/Regularizer/...
            with graph.name_scope(f"{name}/Regularizer"):
                loss = regularizer(variable)
            if loss is not None:
                self._losses.append(loss)
                graph.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss)
        if trainable and self.trainable:
            self._trainable_weights.append(variable)
        else:
            self._non_trainable_weights.append(variable)
        return variable

    # -- calling

    def _set_scope(self, scope=None) -> None:
        if self._scope is not None:
            return
        if self._reuse:
            with vs.variable_scope(scope if scope is not None else self._base_name) as captured:
                self._scope = captured
        else:
            with vs.variable_scope(scope, default_name=self._base_name) as captured:
                self._scope = captured

    def _assert_input_compatibility(self, inputs: Tensor) -> None:
        spec = self.input_spec
        if spec is None:
            return
        shape = inputs.shape
        rank = shape.ndims
        prefix = f'Input 0 of layer "{self._name}" is incompatible with the layer: '
        if spec.ndim is not None and rank is not None and rank != spec.ndim:
            raise ValueError(f"{prefix}expected ndim={spec.ndim}, found ndim={rank}. Full shape "
                             f"received: {_full_shape(shape)}")
        if spec.min_ndim is not None and rank is not None and rank < spec.min_ndim:
            raise ValueError(f"{prefix}expected min_ndim={spec.min_ndim}, found ndim={rank}. "
                             f"Full shape received: {_full_shape(shape)}")
        if rank is not None:
            dims = shape.as_list()
            for axis, value in spec.axes.items():
                got = dims[axis]
                if value is not None and got is not None and got != value:
                    raise ValueError(f"{prefix}expected axis {axis} of input shape to have value "
                                     f"{value}, but received input with shape "
                                     f"{tuple(dims)}")

    def __call__(self, inputs, *args, **kwargs):
        """Builds the layer on first use, then adds its ops for ``inputs``."""
        scope = kwargs.pop("scope", None)
        inputs = convert_to_tensor(inputs)
        graph = inputs.graph
        in_graph = graph.as_default() if graph is not ops.get_default_graph() else None
        with in_graph or contextlib.nullcontext():
            self._set_scope(scope)
            with vs.variable_scope(self._scope, reuse=self._reuse,
                                   auxiliary_name_scope=False) as current:
                self._current_scope = current
                with graph.name_scope(current.original_name_scope):
                    self._assert_input_compatibility(inputs)
                    if not self.built:
                        if self._dtype is None:
                            self._dtype = inputs.dtype.base_dtype
                        self.build(inputs.shape)
                        self.built = True
                    return self.call(inputs, *args, **kwargs)

    def apply(self, inputs, *args, **kwargs):
        """Same as calling the layer (``layer.apply(inputs)``)."""
        return self(inputs, *args, **kwargs)
