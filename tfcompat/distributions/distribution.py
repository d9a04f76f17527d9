"""``tf.distributions.Distribution``: the base of TF 1's (deprecated) distribution classes.

Public methods open the scope ``<distribution name>/<method name>`` and call the subclass's
``_method``; where a subclass leaves one out, the base derives it as TF does (``prob`` from
``exp(log_prob)``, ``log_cdf`` from ``log(cdf)``, ``survival_function`` as ``1 - cdf``,
``stddev`` from ``sqrt(variance)``...), and raises ``NotImplementedError`` naming the method
and class when neither is there.
"""

from __future__ import annotations

import contextlib

import numpy as np

import tfcompat as tf
from tfcompat.distributions import kullback_leibler
from tfcompat.framework.tensor_shape import TensorShape, as_shape


class ReparameterizationType:
    """Whether samples are reparameterized (gradients flow through ``sample``) or not."""

    def __init__(self, rep_type: str) -> None:
        self._rep_type = rep_type

    def __repr__(self) -> str:
        return f"<Reparameterization Type: {self._rep_type}>"

    def __eq__(self, other) -> bool:
        return self is other

    __hash__ = object.__hash__


FULLY_REPARAMETERIZED = ReparameterizationType("FULLY_REPARAMETERIZED")
NOT_REPARAMETERIZED = ReparameterizationType("NOT_REPARAMETERIZED")


def _not_implemented(method: str, dist) -> NotImplementedError:
    return NotImplementedError(f"{method} is not implemented: {type(dist).__name__}")


class Distribution:
    """A generic probability distribution (batch of them), in TF 1's ``tf.distributions`` API."""

    def __init__(self, dtype, reparameterization_type, validate_args, allow_nan_stats,
                 parameters=None, graph_parents=None, name=None) -> None:
        self._dtype = dtype
        self._reparameterization_type = reparameterization_type
        self._allow_nan_stats = allow_nan_stats
        self._validate_args = validate_args
        self._parameters = dict(parameters or {})
        self._graph_parents = list(graph_parents or [])
        self._name = name or type(self).__name__

    # ---- properties

    @property
    def name(self) -> str:
        """Name prepended to all ops created by this distribution (its scope, with ``/``)."""
        return self._name

    @property
    def dtype(self):
        """The dtype of samples."""
        return self._dtype

    @property
    def parameters(self) -> dict:
        """The constructor arguments of this distribution."""
        return dict(self._parameters)

    @property
    def reparameterization_type(self) -> ReparameterizationType:
        """How samples depend on the parameters (FULLY_ or NOT_REPARAMETERIZED)."""
        return self._reparameterization_type

    @property
    def allow_nan_stats(self) -> bool:
        """Whether undefined statistics are NaN (True) or raise at run time (False)."""
        return self._allow_nan_stats

    @property
    def validate_args(self) -> bool:
        """Whether arguments are checked at run time."""
        return self._validate_args

    @property
    def batch_shape(self) -> TensorShape:
        """Static shape of the batch of distributions."""
        return as_shape(self._batch_shape())

    @property
    def event_shape(self) -> TensorShape:
        """Static shape of one sample of one distribution."""
        return as_shape(self._event_shape())

    def _event_shape(self) -> TensorShape:
        return TensorShape([])

    def _event_shape_tensor(self):
        return tf.constant([], dtype=tf.int32)

    # Names of the parameters shaped like a batch (``param_shapes``); empty where TF has none.
    _batch_param_names: tuple[str, ...] = ()

    @classmethod
    def param_shapes(cls, sample_shape, name="DistributionParamShapes"):
        """Shapes of the parameters that make ``sample()`` return ``sample_shape``: a dict of
        name -> int32 shape tensor."""
        with tf.name_scope(name, values=[sample_shape]):
            return cls._param_shapes(sample_shape)

    @classmethod
    def _param_shapes(cls, sample_shape):
        if not cls._batch_param_names:
            raise NotImplementedError("_param_shapes not implemented")
        shape = tf.convert_to_tensor(sample_shape, dtype=tf.int32)
        return dict.fromkeys(cls._batch_param_names, shape)

    @classmethod
    def param_static_shapes(cls, sample_shape):
        """``param_shapes`` as ``TensorShape``s, for a fully defined ``sample_shape``."""
        if isinstance(sample_shape, TensorShape):
            if not sample_shape.is_fully_defined():
                raise ValueError("TensorShape sample_shape must be fully defined")
            sample_shape = sample_shape.as_list()
        static = {}
        for param, shape in cls.param_shapes(sample_shape).items():
            value = tf.get_static_value(shape)
            if value is None:
                raise ValueError(
                    "sample_shape must be a fully-defined TensorShape or list/tuple")
            static[param] = TensorShape(value.tolist())
        return static

    def copy(self, **override_parameters_kwargs):
        """A new distribution of this class with some constructor arguments replaced."""
        parameters = dict(self.parameters, **override_parameters_kwargs)
        return type(self)(**parameters)

    @contextlib.contextmanager
    def _name_scope(self, name=None, values=None):
        with tf.name_scope(self.name):
            with tf.name_scope(name, values=list(values or []) + self._graph_parents) as scope:
                yield scope

    def batch_shape_tensor(self, name="batch_shape_tensor"):
        """Shape of the batch of distributions, as a 1-D int32 tensor."""
        with self._name_scope(name):
            if self.batch_shape.is_fully_defined():
                return tf.constant(self.batch_shape.as_list(), dtype=tf.int32,
                                   name="batch_shape")
            return self._batch_shape_tensor()

    def event_shape_tensor(self, name="event_shape_tensor"):
        """Shape of one sample, as a 1-D int32 tensor."""
        with self._name_scope(name):
            if self.event_shape.is_fully_defined():
                return tf.constant(self.event_shape.as_list(), dtype=tf.int32,
                                   name="event_shape")
            return self._event_shape_tensor()

    def is_scalar_event(self, name="is_scalar_event"):
        """Whether the event shape is scalar (a bool tensor)."""
        with self._name_scope(name):
            return tf.constant(self.event_shape.ndims == 0, name="is_scalar_event")

    def is_scalar_batch(self, name="is_scalar_batch"):
        """Whether the batch shape is scalar (a bool tensor)."""
        with self._name_scope(name):
            return tf.constant(self.batch_shape.ndims == 0, name="is_scalar_batch")

    # ---- sampling

    def sample(self, sample_shape=(), seed=None, name="sample"):
        """Draw ``sample_shape`` samples: shape ``sample_shape + batch_shape + event_shape``."""
        with self._name_scope(name, values=[sample_shape]):
            static_sample_shape = _static_sample_shape(sample_shape)
            if static_sample_shape.is_fully_defined():
                sample_shape = tf.constant(static_sample_shape.as_list(), dtype=tf.int32,
                                           name="sample_shape")
                n = tf.constant(int(np.prod(static_sample_shape.as_list())), dtype=tf.int32,
                                name="n")
            else:
                sample_shape = tf.reshape(tf.convert_to_tensor(
                    sample_shape, dtype=tf.int32, name="sample_shape"), [-1])
                n = tf.reduce_prod(sample_shape)
            samples = self._sample_n(n, seed)
            final_shape = tf.concat([sample_shape, tf.shape(samples)[1:]], 0)
            samples = tf.reshape(samples, final_shape)
            samples.set_shape(static_sample_shape.concatenate(self.batch_shape)
                              .concatenate(self.event_shape))
            return samples

    def _sample_n(self, n, seed):
        raise _not_implemented("sample_n", self)

    # ---- densities and distribution functions

    def _value(self, value):
        return tf.convert_to_tensor(value, name="value", preferred_dtype=self.dtype)

    def _first_of(self, public: str, value, *candidates):
        """The first candidate method that is implemented (public ones open their own scope,
        as TF's survival functions do with ``cdf``)."""
        for method, wrap in candidates:
            try:
                result = getattr(self, method)(value)
            except NotImplementedError:
                continue
            return wrap(result) if wrap else result
        raise _not_implemented(public, self)

    def log_prob(self, value, name="log_prob"):
        """Log probability density/mass function at ``value``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of("log_prob", value, ("_log_prob", None), ("_prob", tf.log))

    def prob(self, value, name="prob"):
        """Probability density/mass function at ``value``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of("prob", value, ("_prob", None), ("_log_prob", tf.exp))

    def log_cdf(self, value, name="log_cdf"):
        """Log cumulative distribution function at ``value``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of("log_cdf", value, ("_log_cdf", None), ("_cdf", tf.log))

    def cdf(self, value, name="cdf"):
        """Cumulative distribution function ``P[X <= value]``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of("cdf", value, ("_cdf", None), ("_log_cdf", tf.exp))

    def log_survival_function(self, value, name="log_survival_function"):
        """Log of ``P[X > value]``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of(
                "log_survival_function", value, ("_log_survival_function", None),
                ("cdf", lambda cdf: tf.log1p(-cdf)))

    def survival_function(self, value, name="survival_function"):
        """``P[X > value] = 1 - cdf(value)``."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of(
                "survival_function", value, ("_survival_function", None),
                ("cdf", lambda cdf: 1.0 - cdf))

    def quantile(self, value, name="quantile"):
        """Inverse cumulative distribution function."""
        with self._name_scope(name, values=[value]):
            value = self._value(value)
            return self._first_of("quantile", value, ("_quantile", None))

    def _statistic(self, public: str, name: str, *candidates):
        with self._name_scope(name):
            for method, wrap in candidates:
                try:
                    result = getattr(self, method)()
                except NotImplementedError:
                    continue
                return wrap(result) if wrap else result
            raise _not_implemented(public, self)

    def entropy(self, name="entropy"):
        """Shannon entropy in nats."""
        return self._statistic("entropy", name, ("_entropy", None))

    def mean(self, name="mean"):
        """Mean."""
        return self._statistic("mean", name, ("_mean", None))

    def mode(self, name="mode"):
        """Mode."""
        return self._statistic("mode", name, ("_mode", None))

    def variance(self, name="variance"):
        """Variance ``E[(X - E[X])**2]``."""
        return self._statistic("variance", name, ("_variance", None), ("_stddev", tf.square))

    def stddev(self, name="stddev"):
        """Standard deviation ``sqrt(variance)``."""
        return self._statistic("stddev", name, ("_stddev", None), ("_variance", tf.sqrt))

    def covariance(self, name="covariance"):
        """Covariance of the event (a matrix per batch member)."""
        return self._statistic("covariance", name, ("_covariance", None))

    def _not_here(self):
        raise NotImplementedError

    _log_prob = _prob = _log_cdf = _cdf = _log_survival_function = _survival_function = (
        lambda self, value: self._not_here())
    _quantile = _log_prob
    _entropy = _mean = _mode = _variance = _stddev = _covariance = _not_here

    # ---- divergences

    def cross_entropy(self, other, name="cross_entropy"):
        """Cross entropy ``H[self, other]`` in nats."""
        with self._name_scope(name):
            return kullback_leibler.cross_entropy(self, other, self.allow_nan_stats)

    def kl_divergence(self, other, name="kl_divergence"):
        """Kullback-Leibler divergence ``KL[self || other]``."""
        with self._name_scope(name):
            return kullback_leibler.kl_divergence(self, other, self.allow_nan_stats)

    def __str__(self) -> str:
        return (f'tfp.distributions.{type(self).__name__}("{self.name}", '
                f"batch_shape={_shape_text(self.batch_shape)}, "
                f"event_shape={_shape_text(self.event_shape)}, dtype={self.dtype.name})")

    def __repr__(self) -> str:
        return (f"<tfp.distributions.{type(self).__name__} '{self.name}' "
                f"batch_shape={_shape_text(self.batch_shape)} "
                f"event_shape={_shape_text(self.event_shape)} dtype={self.dtype.name}>")


def _shape_text(shape: TensorShape) -> str:
    if shape.ndims is None:
        return "<unknown>"
    return str(tuple(shape.as_list())).replace("None", "?")


def _static_sample_shape(sample_shape) -> TensorShape:
    value = tf.get_static_value(sample_shape) if isinstance(sample_shape, tf.Tensor) else (
        sample_shape)
    if value is None:
        return TensorShape(None)
    return TensorShape(np.reshape(np.asarray(value, dtype=np.int64), [-1]).tolist())
