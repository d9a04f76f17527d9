"""``tf.random``: random tensors and seeds."""

from tfcompat.framework.random_seed import get_seed, set_random_seed
from tfcompat.ops.random_ops import categorical, multinomial, random_shuffle, truncated_normal
from tfcompat.ops.random_ops import random_normal as normal
from tfcompat.ops.random_ops import random_shuffle as shuffle
from tfcompat.ops.random_ops import random_uniform as uniform
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.random", __name__)

# ---- numeric (issue 9)
# isort: split
from tfcompat.ops.candidate_sampling_ops import (  # noqa: E402, F401
    all_candidate_sampler,
    log_uniform_candidate_sampler,
    uniform_candidate_sampler,
)
from tfcompat.ops.stateless_random_ops import (  # noqa: E402, F401  # noqa: E402, F401
    stateless_categorical,
    stateless_multinomial,
    stateless_truncated_normal,
)
from tfcompat.ops.stateless_random_ops import (  # noqa: E402, F401
    stateless_random_normal as stateless_normal,
)
from tfcompat.ops.stateless_random_ops import (  # noqa: E402, F401
    stateless_random_uniform as stateless_uniform,
)

# ---- nn (issue 9: the unigram candidate samplers)
# isort: split
from tfcompat.ops.unigram_sampler_ops import (  # noqa: E402, F401
    fixed_unigram_candidate_sampler,
    learned_unigram_candidate_sampler,
)

# ---- numeric (issue 9, seeds and stateless extras)
# isort: split
from tfcompat import random_experimental as experimental  # noqa: E402, F401
from tfcompat.ops.random_binomial_ops import (  # noqa: E402, F401
    stateless_random_binomial as stateless_binomial,
)
from tfcompat.ops.random_gamma_ops import random_gamma as gamma  # noqa: E402, F401
from tfcompat.ops.random_poisson_ops import random_poisson as poisson  # noqa: E402, F401
from tfcompat.ops.stateless_random_extra_ops import (  # noqa: E402, F401
    Algorithm,
    create_rng_state,
    fold_in,
    split,
)
from tfcompat.ops.stateless_random_gamma_ops import (  # noqa: E402, F401
    stateless_random_gamma as stateless_gamma,
)
from tfcompat.ops.stateless_random_gamma_ops import (  # noqa: E402, F401
    stateless_random_poisson as stateless_poisson,
)
from tfcompat.ops.stateless_truncated_normal_ops import (  # noqa: E402, F401
    stateless_parameterized_truncated_normal,
)
from tfcompat.variables.random_generator import (  # noqa: E402, F401
    Generator,
    get_global_generator,
    set_global_generator,
)
