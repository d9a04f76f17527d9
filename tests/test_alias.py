"""tfcompat.alias: ``import tensorflow`` resolves to tfcompat only while the hook is installed."""

from __future__ import annotations

import importlib
import sys
import types

import pytest

import tfcompat
import tfcompat.framework.ops
import tfcompat.platform.compat
import tfcompat.platform.file_io
import tfcompat.platform.gfile
import tfcompat.testing
import tfcompat.variables.variables
from tfcompat import alias

needs_exports = pytest.mark.skipif(
    not hasattr(tfcompat, "compat"),
    reason="needs the drop-in exports (tf.compat, tf.app, ...) in tfcompat")


def tensorflow_modules() -> list[str]:
    return sorted(name for name in sys.modules
                  if name == "tensorflow" or name.startswith("tensorflow."))


@pytest.fixture
def installed():
    assert not alias.installed() and tensorflow_modules() == []
    alias.install()
    yield
    alias.uninstall()
    assert not alias.installed() and tensorflow_modules() == []


def test_nothing_is_aliased_without_install():
    assert not alias.installed()
    assert importlib.util.find_spec("tensorflow") is None  # no real TF in this environment
    with pytest.raises(ModuleNotFoundError, match="No module named 'tensorflow'"):
        importlib.import_module("tensorflow")


def test_tensorflow_is_tfcompat(installed):
    import tensorflow as tf

    assert tf is tfcompat
    import tensorflow.nn

    assert tensorflow.nn is tfcompat.nn
    assert importlib.import_module("tensorflow.train") is tfcompat.train


@needs_exports
def test_compat_v1_is_tfcompat(installed):
    import tensorflow.compat.v1 as tf
    from tensorflow.compat import v1

    assert tf is tfcompat and v1 is tfcompat
    assert importlib.import_module("tensorflow.compat.v1.nn") is tfcompat.nn
    from tensorflow.compat.v1 import flags, gfile, logging

    assert (flags, gfile, logging) == (tfcompat.flags, tfcompat.gfile, tfcompat.logging)
    with pytest.raises(ImportError, match=r"^tf\.compat\.v2 is not supported by tfcompat yet$"):
        import tensorflow.compat.v2  # noqa: F401


def test_internal_modules_map_onto_tfcompat(installed):
    from tensorflow.python.framework import ops
    from tensorflow.python.lib.io import file_io, tf_record
    from tensorflow.python.ops import variables
    from tensorflow.python.platform import gfile
    from tensorflow.python.util import compat, nest

    assert ops is tfcompat.framework.ops
    assert nest is tfcompat.framework.nest and tf_record is tfcompat.lib.io.tfrecord
    assert file_io is tfcompat.platform.file_io
    assert variables is tfcompat.variables.variables
    assert gfile is tfcompat.platform.gfile
    assert compat is tfcompat.platform.compat
    import tensorflow.python.platform.gfile as gfile_again

    assert gfile_again is gfile
    from tensorflow.python.framework import test_util
    from tensorflow.python.platform import test

    assert test is tfcompat.testing and test_util.TensorFlowTestCase is tfcompat.testing.TestCase
    with pytest.raises(ImportError, match=r"^tf\.python\.keras is not supported by tfcompat yet$"):
        from tensorflow.python import keras  # noqa: F401


@pytest.mark.parametrize("statement, symbol, name", [
    ("import tensorflow.contrib.learn", "tf.contrib.learn", "tensorflow.contrib.learn"),
    ("from tensorflow.contrib.tensor_forest import python", "tf.contrib.tensor_forest",
     "tensorflow.contrib.tensor_forest"),
    ("from tensorflow.python.keras.layers import Dense", "tf.python.keras",
     "tensorflow.python.keras"),
    ("from tensorflow.python.tools import freeze_graph", "tf.python.tools",
     "tensorflow.python.tools"),
    ("import tensorflow.lite", "tf.lite", "tensorflow.lite"),
])
def test_unsupported_modules_fail_to_import_naming_them(installed, statement, symbol, name):
    with pytest.raises(ImportError) as info:
        exec(statement, {})
    assert str(info.value) == f"{symbol} is not supported by tfcompat yet"
    assert info.value.name == name


def test_non_module_names_are_not_modules(installed):
    with pytest.raises(ModuleNotFoundError, match=r"^No module named 'tensorflow\.Session'$"):
        import tensorflow.Session  # noqa: F401


def test_uninstall_undoes_the_attributes_imports_added(installed):
    import tensorflow.python.util.compat  # noqa: F401

    assert isinstance(tfcompat.python, types.ModuleType)
    assert tfcompat.platform.compat.__path__ == []  # made importable below
    alias.uninstall()
    assert "python" not in vars(tfcompat)
    assert not hasattr(tfcompat.platform.compat, "__path__")
    alias.install()  # for the fixture's own uninstall


def test_install_refuses_when_tensorflow_is_already_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorflow", types.ModuleType("tensorflow"))
    with pytest.raises(RuntimeError, match="^tensorflow is already imported from"):
        alias.install()
    assert not alias.installed()


def test_install_is_idempotent(installed):
    alias.install()
    assert sum(isinstance(f, type(alias._finder)) for f in sys.meta_path) == 1


def test_tf_symbol_spelling():
    assert alias.tf_symbol("tensorflow.compat.v1.nn") == "tf.nn"
    assert alias.tf_symbol("tensorflow.compat.v1") == "tf"
    assert alias.tf_symbol("tensorflow.python.framework.ops") == "tf.python.framework.ops"
