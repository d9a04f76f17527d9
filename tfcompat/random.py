"""``tf.random``: random tensors and seeds."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "get_seed": "tfcompat.framework.random_seed:get_seed",
    "set_random_seed": "tfcompat.framework.random_seed:set_random_seed",
    "categorical": "tfcompat.ops.random_ops:categorical",
    "multinomial": "tfcompat.ops.random_ops:multinomial",
    "random_shuffle": "tfcompat.ops.random_ops:random_shuffle",
    "truncated_normal": "tfcompat.ops.random_ops:truncated_normal",
    "normal": "tfcompat.ops.random_ops:random_normal",
    "shuffle": "tfcompat.ops.random_ops:random_shuffle",
    "uniform": "tfcompat.ops.random_ops:random_uniform",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.random", __name__))

# ---- numeric (issue 9)
_LAZY.update({
    "all_candidate_sampler": "tfcompat.ops.candidate_sampling_ops:all_candidate_sampler",
    "log_uniform_candidate_sampler":
        "tfcompat.ops.candidate_sampling_ops:log_uniform_candidate_sampler",
    "uniform_candidate_sampler": "tfcompat.ops.candidate_sampling_ops:uniform_candidate_sampler",
    "stateless_categorical": "tfcompat.ops.stateless_random_ops:stateless_categorical",
    "stateless_multinomial": "tfcompat.ops.stateless_random_ops:stateless_multinomial",
    "stateless_truncated_normal": "tfcompat.ops.stateless_random_ops:stateless_truncated_normal",
    "stateless_normal": "tfcompat.ops.stateless_random_ops:stateless_random_normal",
    "stateless_uniform": "tfcompat.ops.stateless_random_ops:stateless_random_uniform",
    "fixed_unigram_candidate_sampler":
        "tfcompat.ops.unigram_sampler_ops:fixed_unigram_candidate_sampler",
    "learned_unigram_candidate_sampler":
        "tfcompat.ops.unigram_sampler_ops:learned_unigram_candidate_sampler",
    "experimental": "tfcompat.random_experimental",
    "stateless_binomial": "tfcompat.ops.random_binomial_ops:stateless_random_binomial",
    "gamma": "tfcompat.ops.random_gamma_ops:random_gamma",
    "poisson": "tfcompat.ops.random_poisson_ops:random_poisson",
    "Algorithm": "tfcompat.ops.stateless_random_extra_ops:Algorithm",
    "create_rng_state": "tfcompat.ops.stateless_random_extra_ops:create_rng_state",
    "fold_in": "tfcompat.ops.stateless_random_extra_ops:fold_in",
    "split": "tfcompat.ops.stateless_random_extra_ops:split",
    "stateless_gamma": "tfcompat.ops.stateless_random_gamma_ops:stateless_random_gamma",
    "stateless_poisson": "tfcompat.ops.stateless_random_gamma_ops:stateless_random_poisson",
    "stateless_parameterized_truncated_normal":
        "tfcompat.ops.stateless_truncated_normal_ops:stateless_parameterized_truncated_normal",
    "Generator": "tfcompat.variables.random_generator:Generator",
    "get_global_generator": "tfcompat.variables.random_generator:get_global_generator",
    "set_global_generator": "tfcompat.variables.random_generator:set_global_generator",
})
