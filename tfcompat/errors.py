"""``tf.errors``: TensorFlow's exception classes and error codes."""

from tfcompat.framework.errors import *  # noqa: F401,F403 - the module is the namespace
from tfcompat.framework.errors import (  # noqa: F401
    OpError,
    error_code_from_exception_type,
    exception_type_from_error_code,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.errors", __name__)

# ---- smalls
from tfcompat.framework.error_status import raise_exception_on_not_ok_status  # noqa: E402, F401
