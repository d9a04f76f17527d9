"""tfcompat: the TensorFlow 1 graph API (``tf.compat.v1``) in pure Python on numpy.

``import tfcompat as tf`` and write TF1 graph code: this module is the public ``tf`` namespace,
made only of explicit re-exports; the rarely used ones (``tfcompat/_lazy_names.py``) are imported
on first access. A TF symbol that tfcompat does not implement raises an
AttributeError naming it.
"""

from tfcompat import errors
from tfcompat._lazy_names import LAZY_NAMES as _LAZY_NAMES
from tfcompat.client.session import (
    ConfigProto,
    GPUOptions,
    GraphOptions,
    InteractiveSession,
    RunOptions,
    Session,
    get_default_session,
)
from tfcompat.framework import dtypes as _dtypes
from tfcompat.framework.device import DeviceSpec
from tfcompat.framework.dtypes import (
    DType,
    as_dtype,
    bfloat16,
    complex64,
    complex128,
    double,
    float16,
    float32,
    float64,
    half,
    int8,
    int16,
    int32,
    int64,
    qint8,
    qint16,
    qint32,
    quint8,
    quint16,
    resource,
    string,
    uint8,
    uint16,
    uint32,
    uint64,
    variant,
)
from tfcompat.framework.importer import import_graph_def
from tfcompat.framework.indexed_slices import IndexedSlices, IndexedSlicesValue
from tfcompat.framework.op_registry import (
    NotDifferentiable,
    RegisterGradient,
    no_gradient,
)
from tfcompat.framework.op_registry import (
    use_deferred_loader as _use_deferred_loader,
)
from tfcompat.framework.ops import (
    Graph,
    GraphKeys,
    Operation,
    Tensor,
    convert_to_tensor,
    get_default_graph,
    name_scope,
    register_tensor_conversion_function,
    reset_default_graph,
)
from tfcompat.framework.random_seed import get_seed, set_random_seed
from tfcompat.framework.sparse_tensor import (
    SparseTensor,
    SparseTensorValue,
    convert_to_tensor_or_sparse_tensor,
)
from tfcompat.framework.tensor_protos import make_ndarray
from tfcompat.framework.tensor_shape import Dimension, TensorShape, dimension_value
from tfcompat.ops.array_ops import (
    bitcast,
    broadcast_to,
    concat,
    expand_dims,
    fill,
    identity,
    invert_permutation,
    ones,
    ones_like,
    placeholder,
    placeholder_with_default,
    rank,
    reshape,
    shape,
    shape_n,
    size,
    squeeze,
    stack,
    stop_gradient,
    transpose,
    unique,
    zeros,
    zeros_like,
)
from tfcompat.ops.constant_op import constant
from tfcompat.ops.control_flow_ops import group, no_op, tuple, with_dependencies
from tfcompat.ops.control_flow_v1 import cond
from tfcompat.ops.custom_gradient import custom_gradient, identity_n
from tfcompat.ops.gradients_impl import AggregationMethod, UnconnectedGradients, gradients
from tfcompat.ops.logging_ops import Print
from tfcompat.ops.math_ops import (
    abs,
    add,
    add_n,
    argmax,
    argmin,
    cast,
    ceil,
    clip_by_value,
    cos,
    div,
    div_no_nan,
    divide,
    equal,
    exp,
    expm1,
    floor,
    floordiv,
    floormod,
    greater,
    greater_equal,
    is_finite,
    is_inf,
    is_nan,
    less,
    less_equal,
    log,
    log1p,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    matmul,
    maximum,
    minimum,
    mod,
    multiply,
    negative,
    not_equal,
    pow,
    range,
    realdiv,
    reciprocal,
    reduce_all,
    reduce_any,
    reduce_logsumexp,
    reduce_max,
    reduce_mean,
    reduce_min,
    reduce_prod,
    reduce_sum,
    round,
    rsqrt,
    scalar_mul,
    sigmoid,
    sign,
    sin,
    sqrt,
    square,
    squared_difference,
    subtract,
    tanh,
    to_double,
    to_float,
    to_int32,
    to_int64,
    truediv,
    where,
    where_v2,
)
from tfcompat.ops.random_ops import (
    multinomial,
    random_normal,
    random_shuffle,
    random_uniform,
    truncated_normal,
)
from tfcompat.ops.slicing_ops import (
    boolean_mask,
    cumprod,
    cumsum,
    gather,
    one_hot,
    pad,
    reverse,
    reverse_v2,
    setdiff1d,
    slice,
    split,
    strided_slice,
    tile,
    unsorted_segment_sum,
    unstack,
)
from tfcompat.ops.state_ops import (
    assign,
    assign_add,
    assign_sub,
    count_up_to,
    is_variable_initialized,
)
from tfcompat.ops.while_loop_v1 import while_loop
from tfcompat.platform import compat, gfile
from tfcompat.platform import tf_logging as logging
from tfcompat.platform.lazy_loader import load_all as _load_all
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.switches import (
    control_flow_v2_enabled,
    disable_control_flow_v2,
    disable_eager_execution,
    disable_resource_variables,
    disable_tensor_equality,
    disable_v2_behavior,
    disable_v2_tensorshape,
    enable_control_flow_v2,
    enable_eager_execution,
    enable_resource_variables,
    enable_tensor_equality,
    enable_v2_behavior,
    enable_v2_tensorshape,
    executing_eagerly,
    executing_eagerly_outside_functions,
    resource_variables_enabled,
)
from tfcompat.platform.unsupported import make_getattr
from tfcompat.protobuf.config_pb2 import RunMetadata
from tfcompat.protobuf.event_pb2 import Event, LogMessage, SessionLog
from tfcompat.protobuf.graph_pb2 import AttrValue, GraphDef, NodeDef
from tfcompat.protobuf.meta_graph_pb2 import MetaGraphDef, TensorInfo
from tfcompat.protobuf.summary_pb2 import HistogramProto, Summary, SummaryMetadata
from tfcompat.variables.init_ops import (
    constant_initializer,
    glorot_normal_initializer,
    glorot_uniform_initializer,
    ones_initializer,
    orthogonal_initializer,
    random_normal_initializer,
    random_uniform_initializer,
    truncated_normal_initializer,
    variance_scaling_initializer,
    zeros_initializer,
)
from tfcompat.variables.variable_scope import (
    AUTO_REUSE,
    VariableScope,
    get_local_variable,
    get_variable,
    get_variable_scope,
    variable_op_scope,
    variable_scope,
)
from tfcompat.variables.variables import (
    Variable,
    all_variables,
    assert_variables_initialized,
    global_variables,
    global_variables_initializer,
    initialize_all_variables,
    initialize_local_variables,
    initialize_variables,
    local_variables,
    local_variables_initializer,
    model_variables,
    moving_average_variables,
    report_uninitialized_variables,
    trainable_variables,
    variables_initializer,
)

# ---- tools-contrib: graph pictures and the tfcompat-only modules users are told to call
# isort: split
from tfcompat import contrib  # its submodules load on first access, as TF's did
from tfcompat.platform import unsupported as _unsupported
from tfcompat.tools.draw import attach_reprs as _attach_reprs
from tfcompat.tools.draw import draw

# ---- control flow, assertions, debugging (issue 12)
# isort: split
from tfcompat.ops.logging_ops import Assert
from tfcompat.ops.logging_ops import print_v2 as print  # noqa: A004 - TF's name

__version__ = "1.15.0-tfcompat0.1.0"
VERSION = __version__
GRAPH_DEF_VERSION = 2474  # = framework.graph_export.GRAPH_DEF_VERSION, what GraphDefs carry
GIT_VERSION = "tfcompat"
COMPILER_VERSION = "python"

bool = _dtypes.bool_  # noqa: A001 - TF's name for the boolean dtype
newaxis = None


def device(device_name_or_function):
    """Ops created in the block get this device (``tf.device``), e.g. ``/cpu:0``."""
    return get_default_graph().device(device_name_or_function)


def colocate_with(op, ignore_existing=False):
    """Ops created in the block are placed with ``op``."""
    return get_default_graph().colocate_with(op, ignore_existing)


def control_dependencies(control_inputs):
    """Ops created in the block run after ``control_inputs`` (``tf.control_dependencies``)."""
    return get_default_graph().control_dependencies(control_inputs)


def get_collection(key, scope=None):
    return get_default_graph().get_collection(key, scope)


def get_collection_ref(key):
    return get_default_graph().get_collection_ref(key)


def add_to_collection(name, value):
    get_default_graph().add_to_collection(name, value)


def add_to_collections(names, value):
    get_default_graph().add_to_collections(names, value)


__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY_NAMES, make_getattr("tf", __name__))


def _known_tf1_symbols():
    from tfcompat.tools import manifest  # lazy: the symbol table is read on the first miss

    return list(manifest.known_symbols())


_unsupported.use_known_symbols(_known_tf1_symbols)
_use_deferred_loader(_load_all)
_attach_reprs()
