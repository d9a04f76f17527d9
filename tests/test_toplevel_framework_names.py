"""Framework names of the tf namespace that TF's recorded cases cannot show: loading an existing
plugin library, and the honest sysconfig of a pure-Python package (TF's values elsewhere:
conformance/cases/toplevel)."""

import os

import pytest

import tfcompat as tf


def test_loading_an_existing_library_says_tfcompat_cannot(tmp_path):
    library = tmp_path / "libmy_op.so"
    library.write_bytes(b"\x7fELF")
    for load in (tf.load_op_library, tf.load_file_system_library, tf.load_library):
        with pytest.raises(tf.errors.NotFoundError, match="tfcompat is pure Python"):
            load(str(library))
    with pytest.raises(tf.errors.NotFoundError, match="libmy_op.so: cannot load"):
        tf.load_library(str(tmp_path))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert tf.load_library(str(empty)) is None


def test_sysconfig_points_at_the_package_and_has_no_flags():
    package = os.path.dirname(tf.__file__)
    assert tf.sysconfig.get_include() == tf.sysconfig.get_lib() == package
    assert tf.sysconfig.get_compile_flags() == [] and tf.sysconfig.get_link_flags() == []
    assert tf.sysconfig.get_build_info()["is_cuda_build"] is False


def test_version_names_are_the_top_level_ones():
    assert tf.version.VERSION is tf.VERSION and tf.version.GIT_VERSION is tf.GIT_VERSION
    assert tf.version.GRAPH_DEF_VERSION == tf.GRAPH_DEF_VERSION
