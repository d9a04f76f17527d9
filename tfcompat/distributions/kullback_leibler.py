"""``tf.distributions.kl_divergence`` and ``RegisterKL``: KL divergences looked up by the
classes of both distributions (their MROs, nearest registered pair first), as in TF."""

from __future__ import annotations

import tfcompat as tf

_DIVERGENCES: dict[tuple[type, type], object] = {}


def _registered_kl(type_a: type, type_b: type):
    best, best_distance = None, None
    for distance_a, parent_a in enumerate(type_a.__mro__):
        for distance_b, parent_b in enumerate(type_b.__mro__):
            fn = _DIVERGENCES.get((parent_a, parent_b))
            if fn is not None and (best is None or distance_a + distance_b < best_distance):
                best, best_distance = fn, distance_a + distance_b
    return best


def kl_divergence(distribution_a, distribution_b, allow_nan_stats=True, name=None):
    """``KL[distribution_a || distribution_b]`` from the function registered for their classes.

    With ``allow_nan_stats=False`` a NaN divergence fails at run time.
    """
    kl_fn = _registered_kl(type(distribution_a), type(distribution_b))
    if kl_fn is None:
        raise NotImplementedError(
            "No KL(distribution_a || distribution_b) registered for distribution_a type "
            f"{type(distribution_a).__name__} and distribution_b type "
            f"{type(distribution_b).__name__}")
    with tf.name_scope("KullbackLeibler"):
        kl_t = kl_fn(distribution_a, distribution_b, name=name)
        if allow_nan_stats:
            return kl_t
        kl_t = tf.identity(kl_t, name="kl")
        with tf.control_dependencies([tf.Assert(
                tf.logical_not(tf.reduce_any(tf.is_nan(kl_t))),
                [f"KL calculation between {distribution_a.name} and {distribution_b.name} "
                 "returned NaN values (and was called with allow_nan_stats=False). "
                 "Values:", kl_t])]):
            return tf.identity(kl_t, name="checked_kl")


def cross_entropy(ref, other, allow_nan_stats=True, name=None):
    """Cross entropy ``H[ref, other] = entropy(ref) + KL[ref || other]``."""
    with tf.name_scope(name, "cross_entropy"):
        return ref.entropy() + kl_divergence(ref, other, allow_nan_stats=allow_nan_stats)


class RegisterKL:
    """Decorator registering a KL divergence function for a pair of distribution classes."""

    def __init__(self, dist_cls_a, dist_cls_b) -> None:
        self._key = (dist_cls_a, dist_cls_b)

    def __call__(self, kl_fn):
        if not callable(kl_fn):
            raise TypeError(f"kl_fn must be callable, received: {kl_fn}")
        if self._key in _DIVERGENCES:
            raise ValueError(f"KL({self._key[0].__name__} || {self._key[1].__name__}) has "
                             f"already been registered to: {_DIVERGENCES[self._key]}")
        _DIVERGENCES[self._key] = kl_fn
        return kl_fn
