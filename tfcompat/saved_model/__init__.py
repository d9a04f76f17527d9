# ruff: noqa: F401
"""``tf.saved_model`` (TF1): SavedModels built with ``Builder``/``simple_save`` and loaded into
a session with ``load(sess, tags, export_dir)``, in TensorFlow's on-disk format.

Object-based TF2 SavedModels (``save``, ``load_v2``, ``Asset``,
``experimental.TrackableResource``) are not built.
"""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model import (
    builder,
    constants,
    experimental,
    loader,
    main_op,
    signature_constants,
    signature_def_utils,
    tag_constants,
    utils,
)
from tfcompat.saved_model.builder_impl import SavedModelBuilder as Builder
from tfcompat.saved_model.builder_impl import simple_save
from tfcompat.saved_model.constants import (
    ASSETS_DIRECTORY,
    ASSETS_KEY,
    DEBUG_DIRECTORY,
    DEBUG_INFO_FILENAME_PB,
    LEGACY_INIT_OP_KEY,
    MAIN_OP_KEY,
    SAVED_MODEL_FILENAME_PB,
    SAVED_MODEL_FILENAME_PBTXT,
    SAVED_MODEL_SCHEMA_VERSION,
    VARIABLES_DIRECTORY,
    VARIABLES_FILENAME,
)
from tfcompat.saved_model.loader_impl import contains_saved_model, load, maybe_saved_model_directory
from tfcompat.saved_model.main_op_impl import main_op_with_restore
from tfcompat.saved_model.save_options import SaveOptions
from tfcompat.saved_model.signature_constants import (
    CLASSIFY_INPUTS,
    CLASSIFY_METHOD_NAME,
    CLASSIFY_OUTPUT_CLASSES,
    CLASSIFY_OUTPUT_SCORES,
    DEFAULT_SERVING_SIGNATURE_DEF_KEY,
    PREDICT_INPUTS,
    PREDICT_METHOD_NAME,
    PREDICT_OUTPUTS,
    REGRESS_INPUTS,
    REGRESS_METHOD_NAME,
    REGRESS_OUTPUTS,
)
from tfcompat.saved_model.signature_defs import (
    build_signature_def,
    classification_signature_def,
    is_valid_signature,
    predict_signature_def,
    regression_signature_def,
)
from tfcompat.saved_model.tag_constants import GPU, SERVING, TPU, TRAINING
from tfcompat.saved_model.tensor_info import build_tensor_info, get_tensor_from_tensor_info

__getattr__ = _make_getattr("tf.saved_model", __name__)
