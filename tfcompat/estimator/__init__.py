"""``tf.estimator`` (TF 1.15's core, single process): Estimator, EstimatorSpec, ModeKeys,
RunConfig, TrainSpec/EvalSpec/train_and_evaluate and ``inputs.numpy_input_fn``."""

from tfcompat.estimator import inputs  # noqa: F401
from tfcompat.estimator.estimator import Estimator  # noqa: F401
from tfcompat.estimator.model_fn import EstimatorSpec, ModeKeys  # noqa: F401
from tfcompat.estimator.run_config import RunConfig, WarmStartSettings  # noqa: F401
from tfcompat.estimator.training import EvalSpec, TrainSpec, train_and_evaluate  # noqa: F401
from tfcompat.platform.unsupported import make_getattr
from tfcompat.training.checkpoint.checkpoint_utils import VocabInfo  # noqa: F401

__getattr__ = make_getattr("tf.estimator", __name__)
