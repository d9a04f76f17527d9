"""``tf.train``: optimizers and the global step."""

from tfcompat.protobuf.checkpoint_state_pb2 import CheckpointState
from tfcompat.protobuf.meta_graph_pb2 import SaverDef
from tfcompat.summary.graph_export import write_graph
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.tools.unsupported import make_getattr
from tfcompat.training.checkpoint.meta_graph import export_meta_graph, import_meta_graph
from tfcompat.training.checkpoint.reader import (
    NewCheckpointReader,
    list_variables,
    load_checkpoint,
    load_variable,
)
from tfcompat.training.checkpoint.state import (
    checkpoint_exists,
    get_checkpoint_mtimes,
    get_checkpoint_state,
    latest_checkpoint,
    update_checkpoint_state,
)
from tfcompat.training.learning_rate_decay import (
    cosine_decay,
    cosine_decay_restarts,
    exponential_decay,
    inverse_time_decay,
    linear_cosine_decay,
    natural_exp_decay,
    noisy_linear_cosine_decay,
    piecewise_constant,
    piecewise_constant_decay,
    polynomial_decay,
)
from tfcompat.training.moving_averages import ExponentialMovingAverage
from tfcompat.training.optimizer import (  # noqa: F401
    AdadeltaOptimizer,
    AdagradOptimizer,
    AdamOptimizer,
    GradientDescentOptimizer,
    MomentumOptimizer,
    Optimizer,
    RMSPropOptimizer,
)
from tfcompat.training.regularized_optimizers import (
    AdagradDAOptimizer,
    FtrlOptimizer,
    ProximalAdagradOptimizer,
    ProximalGradientDescentOptimizer,
)
from tfcompat.training.saver import Saver
from tfcompat.training.training_util import (  # noqa: F401
    create_global_step,
    get_global_step,
    get_or_create_global_step,
    global_step,
)

__getattr__ = make_getattr("tf.train", __name__)
