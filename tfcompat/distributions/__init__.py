# ruff: noqa: F401
"""``tf.distributions`` (deprecated in TF 1.x, still used by VAE and RL tutorials): the
``Distribution`` base, scalar and categorical distributions, and registered KL divergences."""

from tfcompat.distributions.continuous import Laplace, Normal, Uniform
from tfcompat.distributions.dirichlet import Dirichlet, DirichletMultinomial, Multinomial
from tfcompat.distributions.discrete import Bernoulli, Categorical
from tfcompat.distributions.distribution import (
    FULLY_REPARAMETERIZED,
    NOT_REPARAMETERIZED,
    Distribution,
    ReparameterizationType,
)
from tfcompat.distributions.gamma import Beta, Exponential, Gamma
from tfcompat.distributions.kullback_leibler import RegisterKL, kl_divergence
from tfcompat.distributions.student_t import StudentT
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.distributions", __name__)
