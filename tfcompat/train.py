"""``tf.train``: optimizers and the global step."""

from tfcompat import train_experimental as experimental
from tfcompat.framework.graph_export import write_graph
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
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
from tfcompat.training.session_run_hook import (
    SessionRunArgs,
    SessionRunContext,
    SessionRunHook,
    SessionRunValues,
)
from tfcompat.training.training_util import (  # noqa: F401
    assert_global_step,
    create_global_step,
    get_global_step,
    get_or_create_global_step,
    global_step,
)

# Rarely used parts load on first access (tfcompat/platform/lazy_loader.py).
_LAZY: dict[str, str] = {
    "queue_runner": "tfcompat.train_queue_runner",
    "match_filenames_once": "tfcompat.data.readers:match_filenames_once",
    "checkpoints_iterator": "tfcompat.training.checkpoint.checkpoint_utils:checkpoints_iterator",
    "init_from_checkpoint": "tfcompat.training.checkpoint.checkpoint_utils:init_from_checkpoint",
    "remove_checkpoint": "tfcompat.training.checkpoint.checkpoint_utils:remove_checkpoint",
    "VocabInfo": "tfcompat.training.checkpoint.checkpoint_utils:VocabInfo",
    "warm_start": "tfcompat.training.checkpoint.checkpoint_utils:warm_start",
    "batch": "tfcompat.training.input:batch",
    "batch_join": "tfcompat.training.input:batch_join",
    "input_producer": "tfcompat.training.input:input_producer",
    "limit_epochs": "tfcompat.training.input:limit_epochs",
    "maybe_batch": "tfcompat.training.input:maybe_batch",
    "maybe_batch_join": "tfcompat.training.input:maybe_batch_join",
    "maybe_shuffle_batch": "tfcompat.training.input:maybe_shuffle_batch",
    "maybe_shuffle_batch_join": "tfcompat.training.input:maybe_shuffle_batch_join",
    "range_input_producer": "tfcompat.training.input:range_input_producer",
    "shuffle_batch": "tfcompat.training.input:shuffle_batch",
    "shuffle_batch_join": "tfcompat.training.input:shuffle_batch_join",
    "slice_input_producer": "tfcompat.training.input:slice_input_producer",
    "string_input_producer": "tfcompat.training.input:string_input_producer",
    "MonitoredSession": "tfcompat.training.monitored_session:MonitoredSession",
    "MonitoredTrainingSession": "tfcompat.training.monitored_session:MonitoredTrainingSession",
    "SingularMonitoredSession": "tfcompat.training.monitored_session:SingularMonitoredSession",
    "add_queue_runner": "tfcompat.training.queue_runner:add_queue_runner",
    "QueueRunner": "tfcompat.training.queue_runner:QueueRunner",
    "start_queue_runners": "tfcompat.training.queue_runner:start_queue_runners",
    "ChiefSessionCreator": "tfcompat.training.scaffold:ChiefSessionCreator",
    "Scaffold": "tfcompat.training.scaffold:Scaffold",
    "SessionCreator": "tfcompat.training.scaffold:SessionCreator",
    "WorkerSessionCreator": "tfcompat.training.scaffold:WorkerSessionCreator",
    "SessionManager": "tfcompat.training.session_manager:SessionManager",
    "FeedFnHook": "tfcompat.training.summary_hooks:FeedFnHook",
    "FinalOpsHook": "tfcompat.training.summary_hooks:FinalOpsHook",
    "GlobalStepWaiterHook": "tfcompat.training.summary_hooks:GlobalStepWaiterHook",
    "ProfilerHook": "tfcompat.training.summary_hooks:ProfilerHook",
    "SummarySaverHook": "tfcompat.training.summary_hooks:SummarySaverHook",
    "basic_train_loop": "tfcompat.training.supervisor:basic_train_loop",
    "Supervisor": "tfcompat.training.supervisor:Supervisor",
    # ---- training
    "Checkpoint": "tfcompat.training.tracking.checkpoint:CheckpointV1",
    "CheckpointOptions": "tfcompat.training.tracking.checkpoint:CheckpointOptions",
    "CheckpointManager": "tfcompat.training.tracking.manager:CheckpointManager",
    "SyncReplicasOptimizer": "tfcompat.training.sync_replicas:SyncReplicasOptimizer",
    "Server": "tfcompat.training.server_lib:Server",
    "ServerDef": "tfcompat.protobuf.cluster_pb2:ServerDef",
    "ClusterDef": "tfcompat.protobuf.cluster_pb2:ClusterDef",
    "JobDef": "tfcompat.protobuf.cluster_pb2:JobDef",
    "sdca_fprint": "tfcompat.training.sdca_ops:sdca_fprint",
    "sdca_shrink_l1": "tfcompat.training.sdca_ops:sdca_shrink_l1",
}

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.train", __name__))
