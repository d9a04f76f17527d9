"""Saver saveables against TensorFlow 2.21: partitioned variables saved as slices of one entry,
the SaveableObject protocol, and iterator positions (make_saveable_from_iterator).

Fixtures recorded from TF 2.21 with the programs below: ``data/partitioned_tf/m`` is
``_partitioned_model``'s checkpoint after ``_fill``; ``data/iterator_tf/m`` is a one-shot
iterator over ``range(10).map(x * 2)`` saved after 3 elements (TF's serialized state).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.framework import dtypes, errors
from tfcompat.protobuf.variable_pb2 import VariableDef
from tfcompat.training.checkpoint import bundle, io_ops, tensor_slices
from tfcompat.training.saveable_object import SaveableObject, SaveSpec

DATA = Path(__file__).parent / "data"
TF_PARTITIONED = str(DATA / "partitioned_tf" / "m")
TF_ITERATOR = str(DATA / "iterator_tf" / "m")
W_VALUE = [[0, 1, 2], [3, 4, 5], [1.5, 1.5, 1.5], [1.5, 1.5, 1.5], [1.5, 1.5, 1.5]]
E_VALUE = np.full((4, 7), 3, np.int32)
E_VALUE[:, 4:] = np.arange(12).reshape(4, 3)


def _partitioned_model():
    w = tf.get_variable("w", shape=[5, 3], initializer=tf.constant_initializer(1.5),
                        partitioner=tf.fixed_size_partitioner(3))
    b = tf.get_variable("b", shape=[2], initializer=tf.ones_initializer())
    e = tf.get_variable("s/e", shape=[4, 7], dtype=tf.int32,
                        initializer=tf.constant_initializer(3),
                        partitioner=tf.fixed_size_partitioner(2, axis=1))
    return w, b, e


def _fill(sess, w, e):
    sess.run(tf.global_variables_initializer())
    sess.run(list(w)[0].assign([[0, 1, 2], [3, 4, 5]]))
    sess.run(list(e)[1].assign(np.arange(12).reshape(4, 3)))


# ---- slice keys ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, extents, key", [
    ("s/e", ((0, 4), (0, 4)), "00732f65000101028084808 4"),
    ("w", ((4, 1), (0, 3)), "0077000101028481808 3"),
    ("big", ((0, 23334), (0, 1)), "00626967000101028 0e05b268081"),
    ("big", ((46667, 23333), (0, 1)), "00626967000101 02e0b64be05b258081"),
    ("v", ((100, 100),), "0076000101 01c064c064"),
])
def test_slice_keys_are_tfs(name, extents, key):
    assert tensor_slices.slice_key(name, extents) == bytes.fromhex(key.replace(" ", ""))


def test_slice_spec_parsing_and_protos():
    assert tensor_slices.parse_spec("5 3 0,2:-") == ((5, 3), ((0, 2), (0, -1)))
    proto = tensor_slices.to_proto(((4, 3), (0, -1), (0, 2)))
    assert tensor_slices.from_proto(proto) == ((4, 3), (0, -1), (0, 2))
    with pytest.raises(errors.InvalidArgumentError, match="Can't parse"):
        tensor_slices.parse_spec("5 3 x,2:-")
    with pytest.raises(errors.InvalidArgumentError, match="Need least two"):
        tensor_slices.parse_spec("5")


# ---- partitioned variables -------------------------------------------------------------------

def test_partitioned_checkpoint_is_byte_identical_to_tfs(tmp_path):
    with tf.Graph().as_default():
        w, _, e = _partitioned_model()
        saver = tf.train.Saver()
        with tf.Session() as sess:
            _fill(sess, w, e)
            prefix = saver.save(sess, str(tmp_path / "m"), write_meta_graph=False)
    for suffix in (".index", ".data-00000-of-00001"):
        assert Path(prefix + suffix).read_bytes() == Path(TF_PARTITIONED + suffix).read_bytes()


@pytest.mark.parametrize("parts", [None, 2, 3, 5])
def test_tf_partitioned_checkpoint_restores_into_any_partitioning(parts):
    with tf.Graph().as_default():
        w = tf.get_variable("w", shape=[5, 3], initializer=tf.zeros_initializer(),
                            partitioner=parts and tf.fixed_size_partitioner(parts))
        saver = tf.train.Saver([w] if parts else {"w": w})
        with tf.Session() as sess:
            saver.restore(sess, TF_PARTITIONED)
            np.testing.assert_array_equal(sess.run(tf.convert_to_tensor(w)), W_VALUE)


def test_reader_assembles_partitioned_tensors():
    reader = tf.train.load_checkpoint(TF_PARTITIONED)
    assert reader.get_variable_to_shape_map() == {"b": [2], "s/e": [4, 7], "w": [5, 3]}
    assert tf.train.list_variables(TF_PARTITIONED) == [("b", [2]), ("s/e", [4, 7]),
                                                       ("w", [5, 3])]
    np.testing.assert_array_equal(reader.get_tensor("s/e"), E_VALUE)
    np.testing.assert_array_equal(tf.train.load_variable(TF_PARTITIONED, "w"), W_VALUE)
    assert not reader.has_tensor("w/part_0")


def test_restore_slice_spec_of_a_sliced_entry():
    with tf.Graph().as_default():
        piece = io_ops.restore_v2(TF_PARTITIONED, ["s/e"], ["4 7 1,2:3,4"], [tf.int32])[0]
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(piece), E_VALUE[1:3, 3:7])


def test_sharded_saver_merges_slices_from_two_devices(tmp_path):
    with tf.Graph().as_default():
        with tf.device("/cpu:0"):
            w = tf.get_variable("w", shape=[4, 2], initializer=tf.ones_initializer(),
                                partitioner=tf.fixed_size_partitioner(2))
        with tf.device("/job:a/cpu:0"):
            list(w)[1]._variable.op._set_device("/job:a/device:CPU:0")
        saver = tf.train.Saver(sharded=True)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(list(w)[1].assign([[5, 6], [7, 8]]))
            prefix = saver.save(sess, str(tmp_path / "m"), write_meta_graph=False)
    reader = bundle.BundleReader(prefix)
    assert reader.header.num_shards == 2
    assert len(reader.entries["w"].slices) == 2
    np.testing.assert_array_equal(reader.read("w"), [[1, 1], [1, 1], [5, 6], [7, 8]])


def test_save_slice_info_and_variable_defs():
    with tf.Graph().as_default():
        w, _, _ = _partitioned_model()
        piece = list(w)[1]
        info = piece._save_slice_info
        assert (info.full_name, info.full_shape, info.var_offset, info.var_shape,
                info.spec) == ("w", [5, 3], [2, 0], [2, 3], "5 3 2,2:0,3")
        proto = VariableDef.FromString(piece.to_proto().SerializeToString())
        assert list(proto.save_slice_info_def.var_offset) == [2, 0]
        again = tf.Variable.from_proto(proto)
        assert again._save_slice_info.spec == "5 3 2,2:0,3"


def test_saver_var_list_forms_match_tf():
    with tf.Graph().as_default():
        w, b, e = _partitioned_model()
        pieces = list(w)
        with tf.Session() as sess:
            tf.train.Saver({"vv": w})
            assert sess.run("save/SaveV2/shape_and_slices:0").tolist() == [
                b"5 3 0,2:0,3", b"5 3 2,2:0,3", b"5 3 4,1:0,3"]
            tf.train.Saver({"vv": pieces[0]})
            assert sess.run("save_1/SaveV2/shape_and_slices:0").tolist() == [b""]
            tf.train.Saver([pieces[1]])
            assert sess.run("save_2/SaveV2/tensor_names:0").tolist() == [b"w"]
        with pytest.raises(ValueError, match="Slices must all be from the same tensor: w != s/e"):
            tf.train.Saver({"vv": [pieces[0], list(e)[0]]})
        with pytest.raises(ValueError, match="Slices must all be slices: <tf.Variable 'b:0'"):
            tf.train.Saver({"vv": [b]})


# ---- the SaveableObject protocol -------------------------------------------------------------

class _SumAndDifference(SaveableObject):
    """A user saveable: two variables stored as their sum and difference."""

    def __init__(self, x, y, name):
        specs = [SaveSpec(x + y, "", name + "/sum"),
                 SaveSpec(lambda: x - y, "", name + "/diff", dtype=tf.float32, device="")]
        super().__init__(x, specs, name)
        self._y = y

    def restore(self, restored_tensors, restored_shapes):
        total, diff = restored_tensors
        return tf.group(tf.assign(self.op, (total + diff) / 2),
                        tf.assign(self._y, (total - diff) / 2))


def test_user_saveable_objects_save_and_restore(tmp_path):
    with tf.Graph().as_default():
        x = tf.Variable(5.0, name="x")
        y = tf.Variable(2.0, name="y")
        saveable = _SumAndDifference(x, y, "pair")
        tf.add_to_collection(tf.GraphKeys.SAVEABLE_OBJECTS, saveable)
        saver = tf.train.Saver(var_list=[saveable])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            prefix = saver.save(sess, str(tmp_path / "m"), write_meta_graph=False)
            sess.run([x.assign(0.0), y.assign(0.0)])
            saver.restore(sess, prefix)
            assert sess.run([x, y]) == [5.0, 2.0]
    assert tf.train.list_variables(prefix) == [("pair/diff", []), ("pair/sum", [])]
    assert tf.train.load_variable(prefix, "pair/diff") == 3.0
    with pytest.raises(AssertionError, match="explicit dtype and device"):
        SaveSpec(lambda: None, "", "n")


# ---- iterator positions ----------------------------------------------------------------------

def _iterator_graph(make):
    dataset = tf.data.Dataset.range(10).map(lambda x: x * 2)
    iterator = make(dataset)
    saveable = tf.data.experimental.make_saveable_from_iterator(iterator)
    tf.add_to_collection(tf.GraphKeys.SAVEABLE_OBJECTS, saveable)
    return iterator, saveable


def test_iterator_saveable_graph_matches_tf():
    with tf.Graph().as_default() as graph:
        _, saveable = _iterator_graph(tf.data.make_one_shot_iterator)
        tf.Variable(3.0, name="v")
        tf.train.Saver()
        assert saveable.name == "OneShotIterator:0"
        assert [(s.name, s.slice_spec, s.dtype) for s in saveable.specs] == [
            ("OneShotIterator:0_STATE", "", dtypes.variant)]
        assert str(saveable.specs[0].tensor) == (
            'Tensor("SerializeIterator:0", shape=(?,), dtype=variant)')
        restore = graph.get_operation_by_name("save/DeserializeIterator")
        assert [t.name for t in restore.inputs] == ["OneShotIterator:0", "save/RestoreV2:0"]
        assert graph.get_operation_by_name("save/Assign").inputs[1].name == "save/RestoreV2:1"
    with pytest.raises(ValueError, match="Invalid `ExternalStatePolicy.`"):
        with tf.Graph().as_default():
            it = tf.data.make_one_shot_iterator(tf.data.Dataset.range(2))
            tf.data.experimental.make_saveable_from_iterator(it, external_state_policy="bad")


def test_one_shot_iterator_resumes_at_the_saved_element(tmp_path):
    with tf.Graph().as_default():
        iterator, _ = _iterator_graph(tf.data.make_one_shot_iterator)
        nxt = iterator.get_next()
        saver = tf.train.Saver()
        with tf.Session() as sess:
            assert [sess.run(nxt) for _ in range(3)] == [0, 2, 4]
            prefix = saver.save(sess, str(tmp_path / "m"), write_meta_graph=False)
            assert [sess.run(nxt) for _ in range(2)] == [6, 8]
            saver.restore(sess, prefix)
            assert [sess.run(nxt) for _ in range(2)] == [6, 8]
        with tf.Session() as sess:  # a new session: the one-shot iterator starts, then seeks
            saver.restore(sess, prefix)
            assert sess.run(nxt) == 6
    assert tf.train.list_variables(prefix) == [("OneShotIterator:0_STATE", [1])]


def test_shuffled_repeated_iterator_resumes_across_epochs(tmp_path):
    with tf.Graph().as_default():
        dataset = tf.data.Dataset.range(5).shuffle(5, seed=3).repeat(3).batch(2)
        iterator = tf.data.make_initializable_iterator(dataset)
        nxt = iterator.get_next()
        saver = tf.train.Saver([tf.data.experimental.make_saveable_from_iterator(iterator)])
        with tf.Session() as sess:
            sess.run(iterator.initializer)
            [sess.run(nxt) for _ in range(3)]
            prefix = saver.save(sess, str(tmp_path / "m"), write_meta_graph=False)
            rest = [sess.run(nxt).tolist() for _ in range(5)]
            saver.restore(sess, prefix)  # known difference: a reshuffle replays a later order
            assert [sess.run(nxt).tolist() for _ in range(5)] != rest
        with tf.Session() as sess:  # a new session (a resumed job) replays exactly
            with pytest.raises(errors.FailedPreconditionError, match="run the iterator's "):
                saver.restore(sess, prefix)
            sess.run(iterator.initializer)
            saver.restore(sess, prefix)
            assert [sess.run(nxt).tolist() for _ in range(5)] == rest
            with pytest.raises(errors.OutOfRangeError):
                sess.run(nxt)


def test_tf_written_iterator_state_is_read_but_not_restored(tmp_path):
    reader = bundle.BundleReader(TF_ITERATOR)
    state = reader.read("OneShotIterator:0_STATE")
    assert state.shape == (4,) and state[0].type_name == "tensorflow::Iterator"
    data, crc = bundle.encode_tensor(state, dtypes.variant)  # TF's bytes and checksum
    entry = reader.entries["OneShotIterator:0_STATE"]
    assert crc == entry.crc32c
    stored = Path(TF_ITERATOR + ".data-00000-of-00001").read_bytes()
    assert data == stored[entry.offset:entry.offset + entry.size]
    shutil.copy(TF_ITERATOR + ".index", tmp_path / "m.index")
    shutil.copy(TF_ITERATOR + ".data-00000-of-00001", tmp_path / "m.data-00000-of-00001")
    with tf.Graph().as_default():
        iterator, _ = _iterator_graph(tf.data.make_one_shot_iterator)
        tf.Variable(3.0, name="v")
        saver = tf.train.Saver()
        with tf.Session() as sess:
            with pytest.raises(errors.UnimplementedError, match="positions saved by tfcompat"):
                saver.restore(sess, str(tmp_path / "m"))


def test_meta_graph_keeps_slice_infos(tmp_path):
    """TF 2.21 imports this .meta with the same slice specs and restores the checkpoint."""
    with tf.Graph().as_default():
        w, _, e = _partitioned_model()
        saver = tf.train.Saver()
        with tf.Session() as sess:
            _fill(sess, w, e)
            prefix = saver.save(sess, str(tmp_path / "m"))
    with tf.Graph().as_default():
        saver = tf.train.import_meta_graph(prefix + ".meta")
        specs = {v.op.name: v._save_slice_info and v._save_slice_info.spec
                 for v in tf.global_variables()}
        assert specs == {"w/part_0": "5 3 0,2:0,3", "w/part_1": "5 3 2,2:0,3",
                         "w/part_2": "5 3 4,1:0,3", "b": None, "s/e/part_0": "4 7 0,4:0,4",
                         "s/e/part_1": "4 7 0,4:4,3"}
        with tf.Session() as sess:
            saver.restore(sess, prefix)
            np.testing.assert_array_equal(sess.run("s/e/part_1:0"), E_VALUE[:, 4:])
            again = tf.train.Saver().save(sess, str(tmp_path / "again"), write_meta_graph=False)
    assert Path(again + ".index").read_bytes() == Path(TF_PARTITIONED + ".index").read_bytes()
