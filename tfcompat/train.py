"""``tf.train``: optimizers and the global step."""

from tfcompat import train_experimental as experimental
from tfcompat import train_queue_runner as queue_runner
from tfcompat.data.readers import match_filenames_once
from tfcompat.framework.graph_export import write_graph
from tfcompat.platform.unsupported import make_getattr
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
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.training.basic_session_run_hooks import (
    CheckpointSaverHook,
    CheckpointSaverListener,
    LoggingTensorHook,
    NanLossDuringTrainingError,
    NanTensorHook,
    SecondOrStepTimer,
    StepCounterHook,
    StopAtStepHook,
)
from tfcompat.training.checkpoint.checkpoint_utils import (
    VocabInfo,
    checkpoints_iterator,
    init_from_checkpoint,
    remove_checkpoint,
    warm_start,
)
from tfcompat.training.checkpoint.meta_graph import export_meta_graph, import_meta_graph
from tfcompat.training.checkpoint.reader import (
    NewCheckpointReader,
    list_variables,
    load_checkpoint,
    load_variable,
)
from tfcompat.training.checkpoint.state import (
    checkpoint_exists,
    generate_checkpoint_state_proto,
    get_checkpoint_mtimes,
    get_checkpoint_state,
    latest_checkpoint,
    update_checkpoint_state,
)
from tfcompat.training.cluster_spec import ClusterSpec
from tfcompat.training.coordinator import Coordinator, LooperThread
from tfcompat.training.device_setter import replica_device_setter
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
from tfcompat.training.monitored_session import (
    MonitoredSession,
    MonitoredTrainingSession,
    SingularMonitoredSession,
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
from tfcompat.training.queue_runner import QueueRunner, add_queue_runner, start_queue_runners
from tfcompat.training.regularized_optimizers import (
    AdagradDAOptimizer,
    FtrlOptimizer,
    ProximalAdagradOptimizer,
    ProximalGradientDescentOptimizer,
)
from tfcompat.training.saver import Saver
from tfcompat.training.scaffold import (
    ChiefSessionCreator,
    Scaffold,
    SessionCreator,
    WorkerSessionCreator,
)
from tfcompat.training.session_manager import SessionManager
from tfcompat.training.session_run_hook import (
    SessionRunArgs,
    SessionRunContext,
    SessionRunHook,
    SessionRunValues,
)
from tfcompat.training.summary_hooks import (
    FeedFnHook,
    FinalOpsHook,
    GlobalStepWaiterHook,
    ProfilerHook,
    SummarySaverHook,
)
from tfcompat.training.supervisor import Supervisor, basic_train_loop
from tfcompat.training.training_util import (  # noqa: F401
    assert_global_step,
    create_global_step,
    get_global_step,
    get_or_create_global_step,
    global_step,
)

__getattr__ = make_getattr("tf.train", __name__)
