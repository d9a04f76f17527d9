"""``RewriterConfig`` (``rewriter_config.proto``): Grappler's graph-rewriting switches, as a
session config's ``graph_options.rewrite_options``. tfcompat's executor rewrites nothing, so
the settings are carried (and serialized with TF's field numbers), not acted on. The nested
option messages (auto_parallel, scoped_allocator_opts, custom_optimizers, verifier configs)
are not modelled."""

from __future__ import annotations

from tfcompat.protobuf.message import EnumType, Field, Message


class RewriterConfig(Message):
    """Which graph optimizers run (Toggle per optimizer) and how."""

    Toggle = EnumType("Toggle", [("DEFAULT", 0), ("ON", 1), ("OFF", 2), ("AGGRESSIVE", 3),
                                 ("EXPERIMENTAL_MLIR", 4), ("EXPERIMENTAL_BOTH", 5)])
    CpuLayout = EnumType("CpuLayout", [("NO_CONVERSION_ON_CPU", 0), ("NCHW_TO_NHWC", 1),
                                       ("NHWC_TO_NCHW", 2)])
    NumIterationsType = EnumType("NumIterationsType", [("DEFAULT_NUM_ITERS", 0), ("ONE", 1),
                                                       ("TWO", 2)])
    MemOptType = EnumType("MemOptType", [
        ("DEFAULT_MEM_OPT", 0), ("NO_MEM_OPT", 1), ("MANUAL", 2), ("HEURISTICS", 3),
        ("SWAPPING_HEURISTICS", 4), ("RECOMPUTATION_HEURISTICS", 5),
        ("SCHEDULING_HEURISTICS", 6)])

    layout_optimizer = Field(1, "enum", enum=Toggle)
    disable_model_pruning = Field(2, "bool")
    constant_folding = Field(3, "enum", enum=Toggle)
    memory_optimization = Field(4, "enum", enum=MemOptType)
    memory_optimizer_target_node_name_scope = Field(6, "string")
    arithmetic_optimization = Field(7, "enum", enum=Toggle)
    dependency_optimization = Field(8, "enum", enum=Toggle)
    loop_optimization = Field(9, "enum", enum=Toggle)
    function_optimization = Field(10, "enum", enum=Toggle)
    debug_stripper = Field(11, "enum", enum=Toggle)
    meta_optimizer_iterations = Field(12, "enum", enum=NumIterationsType)
    shape_optimization = Field(13, "enum", enum=Toggle)
    remapping = Field(14, "enum", enum=Toggle)
    scoped_allocator_optimization = Field(15, "enum", enum=Toggle)
    min_graph_nodes = Field(17, "int32")
    pin_to_host_optimization = Field(18, "enum", enum=Toggle)
    disable_meta_optimizer = Field(19, "bool")
    meta_optimizer_timeout_ms = Field(20, "int64")
    fail_on_optimizer_errors = Field(21, "bool")
    implementation_selector = Field(22, "enum", enum=Toggle)
    auto_mixed_precision = Field(23, "enum", enum=Toggle)
    common_subgraph_elimination = Field(24, "enum", enum=Toggle)
    auto_mixed_precision_mkl = Field(25, "enum", enum=Toggle)
    experimental_disable_compressed_tensor_optimization = Field(26, "bool")
    experimental_disable_folding_quantization_emulation = Field(27, "bool")
    use_plugin_optimizers = Field(28, "enum", enum=Toggle)
    auto_mixed_precision_cpu = Field(29, "enum", enum=Toggle)
    experimental_conditional_code_motion = Field(30, "enum", enum=Toggle)
    auto_mixed_precision_onednn_bfloat16 = Field(31, "enum", enum=Toggle)
    disable_tfg_optimizer = Field(32, "bool")
    cpu_layout_conversion = Field(50, "enum", enum=CpuLayout)
    optimizers = Field(100, "string", repeated=True)
