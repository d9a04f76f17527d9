"""Symbols tfcompat lacks fail where they are used, naming the full TF symbol."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tfcompat
from tests.dropin.dropin_cases import tfcompat_env
from tfcompat.platform import app, flags, gfile, io_gfile, tf_logging
from tfcompat.platform.unsupported import make_getattr, unsupported_module_error


@pytest.mark.parametrize("namespace, tf_path, name", [
    (tfcompat, "tf", "mlir"),
    (tfcompat, "tf", "lite"),
    (flags, "tf.flags", "tf_decorator"),
    (tfcompat.train, "tf.train", "do_quantize_training_on_graphdef"),
    (tfcompat.layers, "tf.layers", "experimental"),  # a hand-curated row: TF 2.21 walks no Keras
])
def test_missing_public_names_raise_attribute_error_naming_them(namespace, tf_path, name):
    with pytest.raises(AttributeError) as info:
        getattr(namespace, name)
    assert str(info.value) == f"{tf_path}.{name} is not supported by tfcompat yet"
    assert not hasattr(namespace, name)


@pytest.mark.parametrize("namespace, tf_path, name", [
    (tfcompat, "tf", "alias_install"),
    (app, "tf.app", "usage"),
    (tf_logging, "tf.logging", "log_every_n_seconds"),
    (gfile, "tf.gfile", "Chmod"),
    (io_gfile, "tf.io.gfile", "chmod"),
])
def test_names_tensorflow_does_not_have_either_do_not_exist(namespace, tf_path, name):
    with pytest.raises(AttributeError) as info:
        getattr(namespace, name)
    own = "tfcompat" + tf_path[2:]
    assert str(info.value) == (f"{own}.{name} does not exist ({tf_path}.{name} is not a "
                               "TensorFlow 1 symbol either)")


def test_private_names_get_pythons_usual_message():
    with pytest.raises(AttributeError, match=r"^module 'tfcompat.platform.gfile' has no "
                                             r"attribute '__wrapped__'$"):
        _ = gfile.__wrapped__


def test_near_misses_get_a_suggestion_in_the_traceback():
    program = "from tfcompat.platform import tf_logging\ntf_logging.infoo"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            env=tfcompat_env(), timeout=60)
    assert result.stderr.splitlines()[-1] == (
        "AttributeError: tfcompat.logging.infoo does not exist (tf.logging.infoo is not a "
        "TensorFlow 1 symbol either). Did you mean: 'info'?")


def test_make_getattr_for_a_new_namespace():
    getattr_ = make_getattr("tf.contrib.layers", __name__)
    with pytest.raises(AttributeError, match=r"^tf\.contrib\.layers\.flatten is not supported"):
        getattr_("flatten")


def test_module_error():
    error = unsupported_module_error("tf.contrib", "tensorflow.contrib.layers")
    assert isinstance(error, ImportError)
    assert (str(error), error.name) == ("tf.contrib is not supported by tfcompat yet",
                                        "tensorflow.contrib.layers")
