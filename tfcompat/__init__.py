"""tfcompat: the TensorFlow 1 graph API (``tf.compat.v1``) in pure Python on numpy.

``import tfcompat as tf`` and write TF1 graph code: this module is the public ``tf`` namespace,
made only of explicit re-exports; the rarely used ones (``_LAZY`` below) are imported on first
access. A TF symbol that tfcompat does not implement raises an
AttributeError naming it.
"""

# ---- arch-core
# ---- data: sparse tensors, Example parsing (tfcompat/framework/sparse_tensor.py, ops/sparse_*.py)
# ---- data: tf.data (tfcompat/data/)
# ---- data: strings (tfcompat/ops/string_ops.py, string_split_ops.py)
# ---- data: image codecs (tfcompat/ops/image_codec_ops.py; tf.image holds the codecs only)
# ---- data: queues, readers, CSV (tfcompat/ops/queue_ops.py, reader_ops.py, csv_ops.py)
from tfcompat import errors
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

# ---- lazy: everything beyond the core graph API (graphs, sessions, variables, basic array and
# math ops) loads on first access (tfcompat/platform/lazy_loader.py), so that
# `import tfcompat` does not pay for it; op types those modules register are found by op lookups.
_LAZY: dict[str, str] = {
    "alias": "tfcompat.alias",  # `tfcompat.alias.install()` right after `import tfcompat`
    "app": "tfcompat.platform.app",
    "flags": "tfcompat.platform.flags",
    "data": "tfcompat.data",
    "estimator": "tfcompat.estimator",
    "image": "tfcompat.image",
    "io": "tfcompat.io",
    "linalg": "tfcompat.linalg",
    "metrics": "tfcompat.metrics",
    "python_io": "tfcompat.python_io",
    "queue": "tfcompat.queue",
    "signal": "tfcompat.signal",
    "sparse": "tfcompat.sparse",
    "spectral": "tfcompat.spectral",
    "strings": "tfcompat.strings",
    "test": "tfcompat.testing",
    "matching_files": "tfcompat.data.readers:matching_files",
    "decode_csv": "tfcompat.ops.csv_ops:decode_csv",
    "FixedLenFeature": "tfcompat.ops.example_parsing_ops:FixedLenFeature",
    "FixedLenSequenceFeature": "tfcompat.ops.example_parsing_ops:FixedLenSequenceFeature",
    "parse_example": "tfcompat.ops.example_parsing_ops:parse_example",
    "parse_single_example": "tfcompat.ops.example_parsing_ops:parse_single_example",
    "SparseFeature": "tfcompat.ops.example_parsing_ops:SparseFeature",
    "VarLenFeature": "tfcompat.ops.example_parsing_ops:VarLenFeature",
    "fft": "tfcompat.ops.fft_ops:fft",
    "fft2d": "tfcompat.ops.fft_ops:fft2d",
    "fft3d": "tfcompat.ops.fft_ops:fft3d",
    "ifft": "tfcompat.ops.fft_ops:ifft",
    "ifft2d": "tfcompat.ops.fft_ops:ifft2d",
    "ifft3d": "tfcompat.ops.fft_ops:ifft3d",
    "matrix_square_root": "tfcompat.ops.linalg.decomposition_ops:matrix_square_root",
    "self_adjoint_eig": "tfcompat.ops.linalg.decomposition_ops:self_adjoint_eig",
    "self_adjoint_eigvals": "tfcompat.ops.linalg.decomposition_ops:self_adjoint_eigvals",
    "svd": "tfcompat.ops.linalg.decomposition_ops:svd",
    "cholesky": "tfcompat.ops.linalg.dense_ops:cholesky",
    "matrix_determinant": "tfcompat.ops.linalg.dense_ops:matrix_determinant",
    "matrix_inverse": "tfcompat.ops.linalg.dense_ops:matrix_inverse",
    "matrix_solve": "tfcompat.ops.linalg.dense_ops:matrix_solve",
    "cholesky_solve": "tfcompat.ops.linalg.linalg_impl:cholesky_solve",
    "matrix_solve_ls": "tfcompat.ops.linalg.linalg_impl:matrix_solve_ls",
    "matrix_transpose": "tfcompat.ops.linalg.linalg_impl:matrix_transpose",
    "matrix_triangular_solve": "tfcompat.ops.linalg.linalg_impl:triangular_solve",
    "norm": "tfcompat.ops.linalg.linalg_impl:norm",
    "cross": "tfcompat.ops.linalg.tridiagonal_ops:cross",
    "diag": "tfcompat.ops.linalg_ops:diag",
    "diag_part": "tfcompat.ops.linalg_ops:diag_part",
    "qr": "tfcompat.ops.linalg_ops:qr",
    "FIFOQueue": "tfcompat.ops.queue_ops:FIFOQueue",
    "PaddingFIFOQueue": "tfcompat.ops.queue_ops:PaddingFIFOQueue",
    "PriorityQueue": "tfcompat.ops.queue_ops:PriorityQueue",
    "QueueBase": "tfcompat.ops.queue_ops:QueueBase",
    "RandomShuffleQueue": "tfcompat.ops.queue_ops:RandomShuffleQueue",
    "FixedLengthRecordReader": "tfcompat.ops.reader_ops:FixedLengthRecordReader",
    "IdentityReader": "tfcompat.ops.reader_ops:IdentityReader",
    "ReaderBase": "tfcompat.ops.reader_ops:ReaderBase",
    "TextLineReader": "tfcompat.ops.reader_ops:TextLineReader",
    "TFRecordReader": "tfcompat.ops.reader_ops:TFRecordReader",
    "WholeFileReader": "tfcompat.ops.reader_ops:WholeFileReader",
    "decode_base64": "tfcompat.ops.record_ops:decode_base64",
    "decode_compressed": "tfcompat.ops.record_ops:decode_compressed",
    "decode_raw": "tfcompat.ops.record_ops:decode_raw",
    "encode_base64": "tfcompat.ops.record_ops:encode_base64",
    "parse_tensor": "tfcompat.ops.record_ops:parse_tensor",
    "read_file": "tfcompat.ops.record_ops:read_file",
    "serialize_tensor": "tfcompat.ops.record_ops:serialize_tensor",
    "write_file": "tfcompat.ops.record_ops:write_file",
    "parse_sequence_example": "tfcompat.ops.sequence_parsing_ops:parse_sequence_example",
    "parse_single_sequence_example":
        "tfcompat.ops.sequence_parsing_ops:parse_single_sequence_example",
    "deserialize_many_sparse": "tfcompat.ops.sparse_extra_ops:deserialize_many_sparse",
    "serialize_many_sparse": "tfcompat.ops.sparse_extra_ops:serialize_many_sparse",
    "serialize_sparse": "tfcompat.ops.sparse_extra_ops:serialize_sparse",
    "sparse_mask": "tfcompat.ops.sparse_extra_ops:sparse_mask",
    "sparse_reduce_max_sparse": "tfcompat.ops.sparse_extra_ops:sparse_reduce_max_sparse",
    "sparse_reduce_sum_sparse": "tfcompat.ops.sparse_extra_ops:sparse_reduce_sum_sparse",
    "sparse_reset_shape": "tfcompat.ops.sparse_extra_ops:sparse_reset_shape",
    "sparse_segment_mean": "tfcompat.ops.sparse_extra_ops:sparse_segment_mean",
    "sparse_segment_sqrt_n": "tfcompat.ops.sparse_extra_ops:sparse_segment_sqrt_n",
    "sparse_segment_sum": "tfcompat.ops.sparse_extra_ops:sparse_segment_sum",
    "sparse_fill_empty_rows": "tfcompat.ops.sparse_math_ops:sparse_fill_empty_rows",
    "sparse_maximum": "tfcompat.ops.sparse_math_ops:sparse_maximum",
    "sparse_minimum": "tfcompat.ops.sparse_math_ops:sparse_minimum",
    "sparse_reduce_max": "tfcompat.ops.sparse_math_ops:sparse_reduce_max",
    "sparse_reduce_sum": "tfcompat.ops.sparse_math_ops:sparse_reduce_sum",
    "sparse_slice": "tfcompat.ops.sparse_math_ops:sparse_slice",
    "sparse_softmax": "tfcompat.ops.sparse_math_ops:sparse_softmax",
    "sparse_split": "tfcompat.ops.sparse_math_ops:sparse_split",
    "sparse_tensor_dense_matmul": "tfcompat.ops.sparse_math_ops:sparse_tensor_dense_matmul",
    "sparse_add": "tfcompat.ops.sparse_ops:sparse_add",
    "sparse_concat": "tfcompat.ops.sparse_ops:sparse_concat",
    "sparse_merge": "tfcompat.ops.sparse_ops:sparse_merge",
    "sparse_placeholder": "tfcompat.ops.sparse_ops:sparse_placeholder",
    "sparse_reorder": "tfcompat.ops.sparse_ops:sparse_reorder",
    "sparse_reshape": "tfcompat.ops.sparse_ops:sparse_reshape",
    "sparse_retain": "tfcompat.ops.sparse_ops:sparse_retain",
    "sparse_tensor_to_dense": "tfcompat.ops.sparse_ops:sparse_tensor_to_dense",
    "sparse_to_dense": "tfcompat.ops.sparse_ops:sparse_to_dense",
    "sparse_to_indicator": "tfcompat.ops.sparse_ops:sparse_to_indicator",
    "sparse_transpose": "tfcompat.ops.sparse_ops:sparse_transpose",
    "as_string": "tfcompat.ops.string_ops:as_string",
    "reduce_join": "tfcompat.ops.string_ops:reduce_join",
    "regex_replace": "tfcompat.ops.string_ops:regex_replace",
    "string_join": "tfcompat.ops.string_ops:string_join",
    "string_strip": "tfcompat.ops.string_ops:strip",
    "string_to_hash_bucket": "tfcompat.ops.string_ops:string_to_hash_bucket_v1",
    "string_to_hash_bucket_fast": "tfcompat.ops.string_ops:string_to_hash_bucket_fast",
    "string_to_hash_bucket_strong": "tfcompat.ops.string_ops:string_to_hash_bucket_strong",
    "string_to_number": "tfcompat.ops.string_ops:string_to_number",
    "substr": "tfcompat.ops.string_ops:substr",
    "decode_json_example": "tfcompat.ops.string_split_ops:decode_json_example",
    "string_split": "tfcompat.ops.string_split_ops:string_split",
    "start_queue_runners": "tfcompat.training.queue_runner:start_queue_runners",
    "bitwise": "tfcompat.bitwise",
    "debugging": "tfcompat.debugging",
    "initializers": "tfcompat.initializers",
    "layers": "tfcompat.layers",
    "losses": "tfcompat.losses",
    "manip": "tfcompat.manip",
    "math": "tfcompat.math",
    "nest": "tfcompat.nest",
    "nn": "tfcompat.nn",
    "random": "tfcompat.random",
    "summary": "tfcompat.summary",
    "batch_gather": "tfcompat.ops.array_extra_ops:batch_gather",
    "broadcast_dynamic_shape": "tfcompat.ops.array_extra_ops:broadcast_dynamic_shape",
    "broadcast_static_shape": "tfcompat.ops.array_extra_ops:broadcast_static_shape",
    "ensure_shape": "tfcompat.ops.array_extra_ops:ensure_shape",
    "meshgrid": "tfcompat.ops.array_extra_ops:meshgrid",
    "repeat": "tfcompat.ops.array_extra_ops:repeat",
    "reverse_sequence": "tfcompat.ops.array_extra_ops:reverse_sequence",
    "roll": "tfcompat.ops.array_extra_ops:roll",
    "saturate_cast": "tfcompat.ops.array_extra_ops:saturate_cast",
    "sequence_mask": "tfcompat.ops.array_extra_ops:sequence_mask",
    "to_bfloat16": "tfcompat.ops.array_extra_ops:to_bfloat16",
    "to_complex128": "tfcompat.ops.array_extra_ops:to_complex128",
    "to_complex64": "tfcompat.ops.array_extra_ops:to_complex64",
    "unique_with_counts": "tfcompat.ops.array_extra_ops:unique_with_counts",
    "unravel_index": "tfcompat.ops.array_extra_ops:unravel_index",
    "assert_equal": "tfcompat.ops.check_ops:assert_equal",
    "assert_greater": "tfcompat.ops.check_ops:assert_greater",
    "assert_greater_equal": "tfcompat.ops.check_ops:assert_greater_equal",
    "assert_integer": "tfcompat.ops.check_ops:assert_integer",
    "assert_less": "tfcompat.ops.check_ops:assert_less",
    "assert_less_equal": "tfcompat.ops.check_ops:assert_less_equal",
    "assert_near": "tfcompat.ops.check_ops:assert_near",
    "assert_negative": "tfcompat.ops.check_ops:assert_negative",
    "assert_non_negative": "tfcompat.ops.check_ops:assert_non_negative",
    "assert_non_positive": "tfcompat.ops.check_ops:assert_non_positive",
    "assert_none_equal": "tfcompat.ops.check_ops:assert_none_equal",
    "assert_positive": "tfcompat.ops.check_ops:assert_positive",
    "assert_proper_iterable": "tfcompat.ops.check_ops:assert_proper_iterable",
    "assert_rank": "tfcompat.ops.check_ops:assert_rank",
    "assert_rank_at_least": "tfcompat.ops.check_ops:assert_rank_at_least",
    "assert_rank_in": "tfcompat.ops.check_ops:assert_rank_in",
    "assert_same_float_dtype": "tfcompat.ops.check_ops:assert_same_float_dtype",
    "assert_scalar": "tfcompat.ops.check_ops:assert_scalar",
    "assert_type": "tfcompat.ops.check_ops:assert_type",
    "is_non_decreasing": "tfcompat.ops.check_ops:is_non_decreasing",
    "is_numeric_tensor": "tfcompat.ops.check_ops:is_numeric_tensor",
    "is_strictly_increasing": "tfcompat.ops.check_ops:is_strictly_increasing",
    "clip_by_average_norm": "tfcompat.ops.clip_ops:clip_by_average_norm",
    "clip_by_global_norm": "tfcompat.ops.clip_ops:clip_by_global_norm",
    "clip_by_norm": "tfcompat.ops.clip_ops:clip_by_norm",
    "global_norm": "tfcompat.ops.clip_ops:global_norm",
    "case": "tfcompat.ops.control_flow_case:case",
    "switch_case": "tfcompat.ops.control_flow_case:switch_case",
    "bincount": "tfcompat.ops.count_ops:bincount",
    "confusion_matrix": "tfcompat.ops.count_ops:confusion_matrix",
    "lin_space": "tfcompat.ops.count_ops:lin_space",
    "linspace": "tfcompat.ops.count_ops:linspace",
    "einsum": "tfcompat.ops.einsum_ops:einsum",
    "tensordot": "tfcompat.ops.einsum_ops:tensordot",
    "foldl": "tfcompat.ops.functional_ops:foldl",
    "foldr": "tfcompat.ops.functional_ops:foldr",
    "map_fn": "tfcompat.ops.functional_ops:map_fn",
    "scan": "tfcompat.ops.functional_ops:scan",
    "explain_gradient": "tfcompat.ops.gradient_explain:explain_gradient",
    "hessians": "tfcompat.ops.hessians:hessians",
    "acos": "tfcompat.ops.math_extra_ops:acos",
    "acosh": "tfcompat.ops.math_extra_ops:acosh",
    "angle": "tfcompat.ops.math_extra_ops:angle",
    "asin": "tfcompat.ops.math_extra_ops:asin",
    "asinh": "tfcompat.ops.math_extra_ops:asinh",
    "atan": "tfcompat.ops.math_extra_ops:atan",
    "atan2": "tfcompat.ops.math_extra_ops:atan2",
    "atanh": "tfcompat.ops.math_extra_ops:atanh",
    "complex": "tfcompat.ops.math_extra_ops:complex",
    "conj": "tfcompat.ops.math_extra_ops:conj",
    "cosh": "tfcompat.ops.math_extra_ops:cosh",
    "floor_div": "tfcompat.ops.math_extra_ops:floor_div",
    "imag": "tfcompat.ops.math_extra_ops:imag",
    "real": "tfcompat.ops.math_extra_ops:real",
    "rint": "tfcompat.ops.math_extra_ops:rint",
    "sinh": "tfcompat.ops.math_extra_ops:sinh",
    "tan": "tfcompat.ops.math_extra_ops:tan",
    "truncatediv": "tfcompat.ops.math_extra_ops:truncatediv",
    "truncatemod": "tfcompat.ops.math_extra_ops:truncatemod",
    "eye": "tfcompat.ops.matrix_diag_ops:eye",
    "matrix_band_part": "tfcompat.ops.matrix_diag_ops:matrix_band_part",
    "matrix_diag": "tfcompat.ops.matrix_diag_ops:matrix_diag",
    "matrix_diag_part": "tfcompat.ops.matrix_diag_ops:matrix_diag_part",
    "matrix_set_diag": "tfcompat.ops.matrix_diag_ops:matrix_set_diag",
    "trace": "tfcompat.ops.matrix_diag_ops:trace",
    "add_check_numerics_ops": "tfcompat.ops.numerics:add_check_numerics_ops",
    "check_numerics": "tfcompat.ops.numerics:check_numerics",
    "verify_tensor_all_finite": "tfcompat.ops.numerics:verify_tensor_all_finite",
    "dynamic_partition": "tfcompat.ops.partition_ops:dynamic_partition",
    "dynamic_stitch": "tfcompat.ops.partition_ops:dynamic_stitch",
    "histogram_fixed_width": "tfcompat.ops.partition_ops:histogram_fixed_width",
    "histogram_fixed_width_bins": "tfcompat.ops.partition_ops:histogram_fixed_width_bins",
    "searchsorted": "tfcompat.ops.partition_ops:searchsorted",
    "random_crop": "tfcompat.ops.random_extra_ops:random_crop",
    "accumulate_n": "tfcompat.ops.reduction_extra_ops:accumulate_n",
    "arg_max": "tfcompat.ops.reduction_extra_ops:arg_max",
    "arg_min": "tfcompat.ops.reduction_extra_ops:arg_min",
    "count_nonzero": "tfcompat.ops.reduction_extra_ops:count_nonzero",
    "gather_nd": "tfcompat.ops.scatter_nd_ops:gather_nd",
    "scatter_nd": "tfcompat.ops.scatter_nd_ops:scatter_nd",
    "tensor_scatter_add": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_add",
    "tensor_scatter_nd_add": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_add",
    "tensor_scatter_nd_max": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_max",
    "tensor_scatter_nd_min": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_min",
    "tensor_scatter_nd_sub": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_sub",
    "tensor_scatter_nd_update": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_update",
    "tensor_scatter_sub": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_sub",
    "tensor_scatter_update": "tfcompat.ops.scatter_nd_ops:tensor_scatter_nd_update",
    "numpy_function": "tfcompat.ops.script_ops:numpy_function",
    "py_func": "tfcompat.ops.script_ops:py_func",
    "py_function": "tfcompat.ops.script_ops:py_function",
    "segment_max": "tfcompat.ops.segment_ops:segment_max",
    "segment_mean": "tfcompat.ops.segment_ops:segment_mean",
    "segment_min": "tfcompat.ops.segment_ops:segment_min",
    "segment_prod": "tfcompat.ops.segment_ops:segment_prod",
    "segment_sum": "tfcompat.ops.segment_ops:segment_sum",
    "unsorted_segment_max": "tfcompat.ops.segment_ops:unsorted_segment_max",
    "unsorted_segment_mean": "tfcompat.ops.segment_ops:unsorted_segment_mean",
    "unsorted_segment_min": "tfcompat.ops.segment_ops:unsorted_segment_min",
    "unsorted_segment_prod": "tfcompat.ops.segment_ops:unsorted_segment_prod",
    "unsorted_segment_sqrt_n": "tfcompat.ops.segment_ops:unsorted_segment_sqrt_n",
    "argsort": "tfcompat.ops.sort_ops:argsort",
    "sort": "tfcompat.ops.sort_ops:sort",
    "batch_to_space": "tfcompat.ops.space_ops:batch_to_space",
    "batch_to_space_nd": "tfcompat.ops.space_ops:batch_to_space_nd",
    "depth_to_space": "tfcompat.ops.space_ops:depth_to_space",
    "extract_image_patches": "tfcompat.ops.space_ops:extract_image_patches",
    "required_space_to_batch_paddings": "tfcompat.ops.space_ops:required_space_to_batch_paddings",
    "space_to_batch": "tfcompat.ops.space_ops:space_to_batch",
    "space_to_batch_nd": "tfcompat.ops.space_ops:space_to_batch_nd",
    "space_to_depth": "tfcompat.ops.space_ops:space_to_depth",
    "betainc": "tfcompat.ops.special_math_ops:betainc",
    "digamma": "tfcompat.ops.special_math_ops:digamma",
    "erf": "tfcompat.ops.special_math_ops:erf",
    "erfc": "tfcompat.ops.special_math_ops:erfc",
    "igamma": "tfcompat.ops.special_math_ops:igamma",
    "igammac": "tfcompat.ops.special_math_ops:igammac",
    "lbeta": "tfcompat.ops.special_math_ops:lbeta",
    "lgamma": "tfcompat.ops.special_math_ops:lgamma",
    "log_sigmoid": "tfcompat.ops.special_math_ops:log_sigmoid",
    "polygamma": "tfcompat.ops.special_math_ops:polygamma",
    "zeta": "tfcompat.ops.special_math_ops:zeta",
    "TensorArray": "tfcompat.ops.tensor_array_ops:TensorArray",
    "uniform_unit_scaling_initializer":
        "tfcompat.variables.init_ops_extra:uniform_unit_scaling_initializer",
    "make_template": "tfcompat.variables.template:make_template",
    "train": "tfcompat.train",
    "scatter_add": "tfcompat.training.training_ops_sparse:scatter_add",
    "scatter_sub": "tfcompat.training.training_ops_sparse:scatter_sub",
}

__version__ = "1.15.0-tfcompat0.1.0"
VERSION = __version__
GRAPH_DEF_VERSION = 1994
GIT_VERSION = "tfcompat"
COMPILER_VERSION = "python"

bool = _dtypes.bool_  # noqa: A001 - TF's name for the boolean dtype
newaxis = None
dtypes = _dtypes


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


__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf", __name__))


def _known_tf1_symbols():
    from tfcompat.tools import manifest  # lazy: the symbol table is read on the first miss

    return list(manifest.known_symbols())


_unsupported.use_known_symbols(_known_tf1_symbols)
_use_deferred_loader(_load_all)
_attach_reprs()
