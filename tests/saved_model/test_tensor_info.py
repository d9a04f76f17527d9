"""TensorInfo protos: what build_tensor_info records for any dtype and static shape, and that
get_tensor_from_tensor_info finds the same tensor again (also after a save/load)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

DTYPES = [tf.float16, tf.float32, tf.float64, tf.int8, tf.int32, tf.int64, tf.uint8, tf.bool,
          tf.string, tf.complex64]
shapes = st.one_of(st.none(), st.lists(st.one_of(st.none(), st.integers(0, 6)), max_size=4))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DTYPES), shapes)
def test_dense_tensor_info(dtype, shape):
    with tf.Graph().as_default() as graph:
        tensor = tf.placeholder(dtype, shape, name="p")
        info = tf.saved_model.build_tensor_info(tensor)
        assert info.WhichOneof("encoding") == "name"
        assert (info.name, info.dtype) == ("p:0", dtype.as_datatype_enum)
        if shape is None:
            assert info.tensor_shape.unknown_rank
        else:
            assert [d.size for d in info.tensor_shape.dim] == [
                -1 if d is None else d for d in shape]
        assert tf.saved_model.get_tensor_from_tensor_info(info, graph) is tensor


def test_sparse_signature_survives_save_and_load(tmp_path):
    export_dir = str(tmp_path / "sparse")
    with tf.Graph().as_default():
        sp = tf.sparse_placeholder(tf.float32, [None, 3], name="sp")
        weights = tf.Variable(np.array([[1.0], [2.0], [3.0]], np.float32), name="weights")
        out = tf.sparse_tensor_dense_matmul(sp, weights)
        with tf.Session() as sess:
            sess.run(weights.initializer)
            tf.saved_model.simple_save(sess, export_dir, {"sp": sp}, {"out": out})
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.load(sess, ["serve"], export_dir)
        signature = meta.signature_def["serving_default"]
        assert signature.inputs["sp"].WhichOneof("encoding") == "coo_sparse"
        sp = tf.saved_model.get_tensor_from_tensor_info(signature.inputs["sp"])
        out = tf.saved_model.get_tensor_from_tensor_info(signature.outputs["out"])
        value = tf.SparseTensorValue([[0, 0], [1, 2]], [2.0, -1.0], [2, 3])
        np.testing.assert_allclose(sess.run(out, {sp: value}), [[2.0], [-3.0]])
