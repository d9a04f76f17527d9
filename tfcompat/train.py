"""``tf.train``: optimizers and the global step."""

from tfcompat.summary.graph_export import write_graph
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.tools.unsupported import make_getattr
from tfcompat.training.optimizer import (  # noqa: F401
    AdadeltaOptimizer,
    AdagradOptimizer,
    AdamOptimizer,
    GradientDescentOptimizer,
    MomentumOptimizer,
    Optimizer,
    RMSPropOptimizer,
)
from tfcompat.training.training_util import (  # noqa: F401
    create_global_step,
    get_global_step,
    get_or_create_global_step,
    global_step,
)

__getattr__ = make_getattr("tf.train", __name__)
