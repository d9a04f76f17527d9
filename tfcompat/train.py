"""``tf.train``: optimizers and the global step."""

from tfcompat.data.readers import match_filenames_once
from tfcompat.protobuf.checkpoint_state_pb2 import CheckpointState
from tfcompat.protobuf.example_pb2 import (
    BytesList,
    Example,
    Feature,
    FeatureList,
    FeatureLists,
    Features,
    FloatList,
    Int64List,
    SequenceExample,
)
from tfcompat.protobuf.meta_graph_pb2 import SaverDef
from tfcompat.summary.graph_export import write_graph
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.tools.unsupported import make_getattr
from tfcompat.training import queue_runner
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
from tfcompat.training.coordinator import Coordinator, LooperThread
from tfcompat.training.input import (
    batch,
    batch_join,
    input_producer,
    limit_epochs,
    maybe_batch,
    maybe_batch_join,
    maybe_shuffle_batch,
    maybe_shuffle_batch_join,
    range_input_producer,
    shuffle_batch,
    shuffle_batch_join,
    slice_input_producer,
    string_input_producer,
)
from tfcompat.training.optimizer import (  # noqa: F401
    AdadeltaOptimizer,
    AdagradOptimizer,
    AdamOptimizer,
    GradientDescentOptimizer,
    MomentumOptimizer,
    Optimizer,
    RMSPropOptimizer,
)
from tfcompat.training.queue_runner import QueueRunner, add_queue_runner, start_queue_runners
from tfcompat.training.saver import Saver
from tfcompat.training.training_util import (  # noqa: F401
    create_global_step,
    get_global_step,
    get_or_create_global_step,
    global_step,
)

__getattr__ = make_getattr("tf.train", __name__)
