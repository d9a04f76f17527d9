# tf.saved_model's constants modules and top-level aliases: TF's exact values.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
sm = tf.saved_model
for module, names in [
    (sm.constants, ["ASSETS_DIRECTORY", "ASSETS_KEY", "DEBUG_DIRECTORY", "DEBUG_INFO_FILENAME_PB",
                    "LEGACY_INIT_OP_KEY", "MAIN_OP_KEY", "SAVED_MODEL_FILENAME_PB",
                    "SAVED_MODEL_FILENAME_PBTXT", "SAVED_MODEL_SCHEMA_VERSION",
                    "VARIABLES_DIRECTORY", "VARIABLES_FILENAME"]),
    (sm.signature_constants, ["CLASSIFY_INPUTS", "CLASSIFY_METHOD_NAME",
                              "CLASSIFY_OUTPUT_CLASSES", "CLASSIFY_OUTPUT_SCORES",
                              "DEFAULT_SERVING_SIGNATURE_DEF_KEY", "PREDICT_INPUTS",
                              "PREDICT_METHOD_NAME", "PREDICT_OUTPUTS", "REGRESS_INPUTS",
                              "REGRESS_METHOD_NAME", "REGRESS_OUTPUTS"]),
    (sm.tag_constants, ["GPU", "SERVING", "TPU", "TRAINING"]),
]:
    for name in names:
        print(name, repr(getattr(module, name)), getattr(sm, name) == getattr(module, name))
print(sm.Builder is sm.builder.SavedModelBuilder, sm.load is sm.loader.load)
print(sm.build_tensor_info is sm.utils.build_tensor_info)
print(sm.main_op_with_restore is sm.main_op.main_op_with_restore)
print(sm.predict_signature_def is sm.signature_def_utils.predict_signature_def)
